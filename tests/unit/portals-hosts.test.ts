import { describe, expect, it } from 'vitest';
import { contentScriptMatches, portalOfHost } from '../../procedures/portals';

describe('portal hosts (issue 15: https only, named hosts)', () => {
  it('matches https only, every host by name', () => {
    const m = contentScriptMatches();
    expect(m.length).toBeGreaterThan(0);
    for (const p of m) {
      expect(p.startsWith('https://')).toBe(true);
      expect(p).not.toContain('*.');
    }
    expect(m).toContain('https://org.oofd.kz/*');
    expect(m).toContain('https://www.oofd.kz/*');
    expect(m).toContain('https://oofd.kz/*');
  });

  it('knows the OFD hosts by name, not any subdomain', () => {
    expect(portalOfHost('org.oofd.kz')).toBe('oofd');
    expect(portalOfHost('www.oofd.kz')).toBe('oofd');
    expect(portalOfHost('oofd.kz.')).toBe('oofd');
    expect(portalOfHost('anything.oofd.kz')).toBeNull();
    expect(portalOfHost('evil-oofd.kz')).toBeNull();
  });
});
