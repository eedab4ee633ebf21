import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onPrivateMessage, whose } from '../../lib/private-background';
import { addProfiles } from '../../lib/profile-store';
import { loadProfiles, makeProfile } from '../../lib/profiles';
import { loadProgress } from '../../lib/progress';

/** issue 15: what the background tells a portal page about the profiles, and no more */
const HEAD = '781105301459';
const A = '190540028173';
const B = '170140003219';
const C = '240140009997';
const self = { id: fakeBrowser.runtime.id };

beforeEach(async () => {
  fakeBrowser.reset();
  await addProfiles([
    makeProfile({ name: 'Gamma', country: 'KZ', kind: 'legal', identifier: C, head: { id: HEAD } }, Date.UTC(2025, 0, 1), 'p-gamma', {
      esf: { at: Date.UTC(2025, 5, 1) },
    }),
    makeProfile({ name: 'Alpha', country: 'KZ', kind: 'legal', identifier: B }, Date.UTC(2025, 0, 2), 'p-alpha'),
  ]);
});

describe('whose a shown identifier is', () => {
  it('mine (the active profile or its head), another profile’s, or nobody’s; registered on the portal', async () => {
    expect(await whose({ type: 'qadam:whose', ids: [C], registersOn: 'esf' })).toEqual({ active: true, verdict: 'mine', registered: true });
    expect(await whose({ type: 'qadam:whose', ids: [HEAD], registersOn: 'singlewindow' })).toEqual({
      active: true,
      verdict: 'mine',
      registered: false,
    });
    expect(await whose({ type: 'qadam:whose', ids: [B], registersOn: null })).toEqual({
      active: true,
      verdict: 'other',
      registered: false,
    });
    expect(await whose({ type: 'qadam:whose', ids: [A], registersOn: null })).toEqual({ active: true, verdict: 'none', registered: false });
    expect(await whose({ type: 'qadam:whose', ids: [], registersOn: 'esf' })).toEqual({ active: true, verdict: 'none', registered: true });
  });

  it('answers only allow-listed shapes from the extension itself; never a name', async () => {
    expect(onPrivateMessage({ type: 'qadam:whose', ids: [B], registersOn: null }, { id: 'someone-else' })).toBeUndefined();
    expect(onPrivateMessage({ type: 'qadam:whose', ids: ['12ab'], registersOn: null }, self)).toBeUndefined();
    expect(onPrivateMessage({ type: 'qadam:whose', ids: [B], registersOn: null, extra: 1 }, self)).toBeUndefined();
    expect(onPrivateMessage({ type: 'qadam:profiles' }, self)).toBeUndefined();
    const answer = await onPrivateMessage({ type: 'qadam:whose', ids: [B], registersOn: null }, self);
    expect(JSON.stringify(answer)).not.toMatch(/Alpha|Gamma|p-alpha|p-gamma/);
  });

  it('keeps a frame’s spec for its token and gives it to the private frame page only', async () => {
    const token = 'tok-0123456789abcdef';
    const spec = { kind: 'wrong-company', lang: 'ru', procedure: 'esf.second-enterprise', shown: [B] };
    await onPrivateMessage({ type: 'qadam:private-open', token, spec }, { ...self, tab: { id: 1 } });
    expect(onPrivateMessage({ type: 'qadam:private-get', token }, { ...self, url: 'https://esf.gov.kz/' })).toBeUndefined();
    expect(
      await onPrivateMessage(
        { type: 'qadam:private-get', token },
        { ...self, url: fakeBrowser.runtime.getURL('/private.html?t=' + token) },
      ),
    ).toEqual(spec);
  });

  it('records progress ops for the active profile (the content script reads no profile)', async () => {
    await onPrivateMessage(
      {
        type: 'qadam:progress-ops',
        ops: [{ op: 'record', procedure: 'esf.second-enterprise', step: 'registration-data', stepDone: false }],
      },
      self,
    );
    const p = await loadProgress('p-gamma');
    expect(p.active).toBe('esf.second-enterprise');
    expect(p.procedures['esf.second-enterprise']?.step).toBe('registration-data');
    const got = (await onPrivateMessage({ type: 'qadam:progress-get' }, self)) as { progress: { active: string }; tag: string };
    expect(got.progress.active).toBe('esf.second-enterprise');
    expect(got.tag).not.toContain('p-gamma');
    expect((await loadProfiles()).active).toBe('p-gamma');
  });
});
