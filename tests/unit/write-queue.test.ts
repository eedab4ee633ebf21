import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WriteQueue } from '../../content-scripts/write-queue';

/** issue 15: a page flipping between two steps every frame must not write storage every frame */
describe('progress writes are throttled', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('a step flipping every frame for 5 s writes about once a second, and the last state wins', async () => {
    let stored: string[] = [];
    let writes = 0;
    const q = new WriteQueue<string[]>(async (_key, change) => {
      writes++;
      stored = change(stored);
    }, 1000);
    for (let frame = 0; frame < 300; frame++) {
      q.push('p-a', (s) => [...s.slice(-1), frame % 2 ? 'B' : 'A']);
      await vi.advanceTimersByTimeAsync(1000 / 60);
    }
    await vi.advanceTimersByTimeAsync(2000);
    expect(writes).toBeGreaterThanOrEqual(5);
    expect(writes).toBeLessThanOrEqual(7);
    expect(stored.at(-1)).toBe('B'); // frame 299
  });

  it('the first change is written at once; flush writes what is pending', async () => {
    const seen: (string | null)[] = [];
    const q = new WriteQueue<number>(async (key, change) => {
      seen.push(`${key}:${change(0)}`);
    }, 1000);
    q.push('p-a', (n) => n + 1);
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual(['p-a:1']);
    q.push('p-a', (n) => n + 2);
    q.push('p-a', (n) => n * 10);
    q.push(null, (n) => n + 5);
    await vi.advanceTimersByTimeAsync(10);
    expect(seen).toEqual(['p-a:1']);
    q.flush();
    await vi.advanceTimersByTimeAsync(0);
    // the two changes of p-a are one write; the other profile's is its own
    expect(seen).toEqual(['p-a:1', 'p-a:20', 'null:5']);
  });
});
