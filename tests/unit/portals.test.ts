import { describe, expect, it } from 'vitest';
import { contentScriptMatches, portalById, portalOfHost } from '../../procedures';

describe('portal hosts', () => {
  it("today's OneID (id.egov.uz) and the old id.gov.uz are both OneID", () => {
    expect(portalOfHost('id.egov.uz')).toBe('oneid');
    expect(portalOfHost('ID.EGOV.UZ.')).toBe('oneid');
    expect(portalOfHost('id.gov.uz')).toBe('oneid');
    expect(portalById('oneid').home).toBe('https://id.egov.uz/');
  });
  it('the content script runs on both OneID hosts and on no look-alike', () => {
    const m = contentScriptMatches();
    expect(m).toContain('https://id.egov.uz/*');
    expect(m).toContain('https://id.gov.uz/*');
    expect(portalOfHost('egov.uz')).toBeNull();
    expect(portalOfHost('my.gov.uz')).toBeNull();
    expect(portalOfHost('id.egov.uz.example.org')).toBeNull();
  });
  it('the OFD cabinet host of the EDS login is the OFD portal', () => {
    expect(portalOfHost('org.oofd.kz')).toBe('oofd');
  });
});
