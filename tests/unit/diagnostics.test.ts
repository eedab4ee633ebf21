/** «Copy diagnostics» carries the texts of portal messages Qadam does not know yet (masked by the page). */
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { diagnosticsText } from '../../components/Diagnostics';
import { EMPTY_PROFILES } from '../../lib/profiles';
import { NO_POLICY } from '../../lib/managed';

const base = {
  lang: 'ru' as const,
  profiles: EMPTY_PROFILES,
  managed: NO_POLICY,
  progress: { active: null, procedures: {}, notice: null },
};

describe('diagnostics', () => {
  beforeAll(() => {
    (fakeBrowser.runtime as { getManifest: () => unknown }).getManifest = () => ({ version: '0.1.0', manifest_version: 3 });
  });
  it('lists unknown portal messages, bounded', () => {
    const long = 'ы'.repeat(500);
    const text = diagnosticsText({
      ...base,
      tab: { portal: 'esf', procedure: null, step: null, fields: [], messages: ['Сервис временно недоступен', long] },
    } as never);
    expect(text).toContain('Portal messages not in the catalogue:');
    expect(text).toContain('«Сервис временно недоступен»');
    expect(text).not.toContain(long);
  });
  it('says nothing of messages when there are none', () => {
    const text = diagnosticsText({ ...base, tab: { portal: 'esf', procedure: null, step: null, fields: [] } } as never);
    expect(text).not.toContain('Portal messages');
  });
});
