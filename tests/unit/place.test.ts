import { afterEach, describe, expect, it, vi } from 'vitest';
import { at, follow, outside, position, positionClear, readThenWrite, type Rect } from '../../content-scripts/place';

/** content-scripts/place.ts: the overlay's placement (what floating-ui's offset, flip, shift and hide did) */
const VIEW: Rect = { left: 0, top: 0, right: 1000, bottom: 800 };
const PAD = { top: 8, right: 8, bottom: 8, left: 8 };
const field: Rect = { left: 100, top: 200, right: 400, bottom: 230 };

describe('place: a tip clear of the other fields (positionClear)', () => {
  const ALL = ['right-start', 'bottom-start', 'top-start', 'left-start'] as const;
  it('a wide field with the next fields under it: the tip goes above, not over them', () => {
    const wide: Rect = { left: 300, top: 300, right: 1100, bottom: 330 };
    const next: Rect[] = [
      { left: 300, top: 340, right: 1100, bottom: 370 },
      { left: 300, top: 380, right: 1100, bottom: 410 },
    ];
    const p = positionClear(wide, 340, 100, ALL, 12, VIEW, PAD, next);
    expect(p.placement).toBe('top-start');
    expect(p.y + 100).toBeLessThanOrEqual(wide.top);
  });
  it('beside the field when that covers nothing, as position() would place it', () => {
    const field: Rect = { left: 100, top: 200, right: 400, bottom: 230 };
    expect(positionClear(field, 200, 50, ALL, 12, VIEW, PAD, [])).toEqual(position(field, 200, 50, ALL, 12, VIEW, PAD));
  });
  it('when every place covers something, the one that covers least (by weight)', () => {
    const field: Rect = { left: 100, top: 200, right: 400, bottom: 230 };
    const heavy = { left: 412, top: 200, right: 600, bottom: 250, weight: 8 }; // right of it: another ringed field
    const light = { left: 100, top: 242, right: 300, bottom: 262, weight: 1 }; // below it: a link
    const p = positionClear(field, 200, 50, ['right-start', 'bottom-start'], 12, VIEW, PAD, [heavy, light]);
    expect(p.placement).toBe('bottom-start');
  });
});

describe('place: a box beside a field', () => {
  it('each side, at the start or the end, the gap away', () => {
    expect(at(field, 200, 50, 'right-start', 12)).toEqual({ x: 412, y: 200 });
    expect(at(field, 200, 50, 'bottom-start', 12)).toEqual({ x: 100, y: 242 });
    expect(at(field, 200, 50, 'bottom-end', 8)).toEqual({ x: 200, y: 238 });
    expect(at(field, 200, 50, 'top-start', 12)).toEqual({ x: 100, y: 138 });
    expect(at(field, 200, 50, 'left-start', 12)).toEqual({ x: -112, y: 200 });
  });

  it('the first place whose own side fits wins', () => {
    expect(position(field, 200, 50, ['right-start', 'bottom-start'], 12, VIEW, PAD)).toEqual({ x: 412, y: 200, placement: 'right-start' });
    // too wide for the right: below
    expect(position(field, 700, 50, ['right-start', 'bottom-start', 'top-start', 'left-start'], 12, VIEW, PAD)).toEqual({
      x: 100,
      y: 242,
      placement: 'bottom-start',
    });
  });

  it('a tall box that fits beside the field moves up inside the window (shift), it does not go below', () => {
    const low: Rect = { left: 100, top: 700, right: 400, bottom: 730 };
    const p = position(low, 200, 300, ['right-start', 'bottom-start'], 12, VIEW, PAD);
    expect(p.placement).toBe('right-start');
    expect(p.y).toBe(800 - 8 - 300);
  });

  it('the bottom padding keeps a bar clear; the start wins when the box is taller than the window', () => {
    const p = position(field, 200, 50, ['right-start'], 12, VIEW, { ...PAD, bottom: 580 });
    expect(p.y).toBe(800 - 580 - 50);
    expect(position(field, 200, 2000, ['right-start'], 12, VIEW, PAD).y).toBe(8);
  });

  it('nowhere fits: the place that overflows least', () => {
    const wide: Rect = { left: 10, top: 10, right: 990, bottom: 790 };
    expect(position(wide, 100, 100, ['right-start', 'bottom-start', 'top-start', 'left-start'], 12, VIEW, PAD).placement).toBe(
      'right-start',
    );
    const tallField: Rect = { left: 300, top: 20, right: 990, bottom: 700 };
    // right overflows by 120, below by 120+..., above by 100+...: left fits
    expect(position(tallField, 100, 100, ['right-start', 'bottom-start', 'top-start', 'left-start'], 12, VIEW, PAD).placement).toBe(
      'left-start',
    );
  });

  it('hidden when wholly outside the area on a side', () => {
    expect(outside(field, VIEW)).toBe(false);
    expect(outside({ left: 0, top: -40, right: 10, bottom: 0 }, VIEW)).toBe(true);
    expect(outside({ left: 0, top: -40, right: 10, bottom: 1 }, VIEW)).toBe(false);
    expect(outside(field, { left: 0, top: 0, right: 1000, bottom: 150 })).toBe(true);
  });
});

describe('place: follow', () => {
  afterEach(() => vi.restoreAllMocks());

  it('updates now, once a frame after scrolls of the page or of a box around the element, never for another box; stops', async () => {
    const box = document.createElement('div');
    const el = document.createElement('input');
    box.append(el);
    const other = document.createElement('div');
    const floating = document.createElement('div');
    document.body.append(box, other, floating);
    const update = vi.fn();
    const stop = follow(el, floating, update);
    expect(update).toHaveBeenCalledTimes(1);
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    await frame();
    update.mockClear();
    other.dispatchEvent(new Event('scroll'));
    await frame();
    expect(update).not.toHaveBeenCalled();
    box.dispatchEvent(new Event('scroll'));
    box.dispatchEvent(new Event('scroll'));
    document.dispatchEvent(new Event('scroll'));
    await frame();
    expect(update).toHaveBeenCalledTimes(1);
    window.dispatchEvent(new Event('resize'));
    await frame();
    expect(update).toHaveBeenCalledTimes(2);
    stop();
    document.dispatchEvent(new Event('scroll'));
    window.dispatchEvent(new Event('resize'));
    await frame();
    expect(update).toHaveBeenCalledTimes(2);
  });
});

describe('place: every part reads before any part writes', () => {
  it('readThenWrite runs all reads, then all writes, in order; an update that writes itself returns nothing', () => {
    const log: string[] = [];
    readThenWrite([
      () => (log.push('read a'), () => void log.push('write a')),
      () => void log.push('read+write b'),
      () => (log.push('read c'), () => void log.push('write c')),
    ]);
    expect(log).toEqual(['read a', 'read+write b', 'read c', 'write a', 'write c']);
  });

  it('follow: placed at once, or left to its owner (now = false)', () => {
    const ref = document.createElement('input');
    const part = document.createElement('div');
    document.body.append(ref, part);
    const log: string[] = [];
    const stopNow = follow(ref, part, () => (log.push('read'), () => void log.push('write')));
    expect(log).toEqual(['read', 'write']);
    const stopLater = follow(ref, part, () => void log.push('later'), false, false);
    expect(log).toEqual(['read', 'write']);
    stopNow();
    stopLater();
    ref.remove();
    part.remove();
  });
});
