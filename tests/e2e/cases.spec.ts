/**
 * Every replica page of replicas/<portal>/cases.json, in the built extension:
 * - a page of a step: the content script reports one of the case's steps, finds every field the
 *   case lists for it, and rings each `[data-expect]` element (±4 px), with a tooltip in words;
 * - a portal page of no step (e.g. news): state.step is null and there is no ring;
 * - a page off the portals (example.org): the content script does not run (no <qadam-overlay>).
 */
import { PROCEDURES, portalOfHost, procedureById } from '../../procedures';
import {
  caseSlug,
  caseTitle,
  expect,
  expectRingEncloses,
  fixtureUrl,
  isPortal,
  loadAllCases,
  loadCases,
  overlay,
  qadamState,
  screenshot,
  test,
  waitForAnswer,
  waitForSettledStep,
  lateDelay,
  CASES_FILE,
  type Box,
  type Case,
} from './harness';

const cases = loadAllCases();
const RAW_KEY = /^(ui|procedures|rules|overlay)\./;

test('the manifest of replica pages exists and is not empty', () => {
  expect(cases.length, `${CASES_FILE} should list the replica pages`).toBeGreaterThan(0);
});

/** a tooltip may touch a ring's halo, not cover it: overlap of more than this (px²) counts */
const OVERLAP_PX = 40;
const overlapArea = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));

for (const c of cases) {
  if (c.steps.length > 0) {
    test(`recognises ${caseTitle(c)} as ${c.steps.join(' | ')} and rings its fields`, async ({ qadam, portal }) => {
      await portal.goto(fixtureUrl(c));
      // one-URL wizards: show the case's stage as the page's own buttons would
      const stage = (c as Case & { stage?: number }).stage;
      if (stage) await portal.evaluate((n) => (window as unknown as { qadamStage(n: number): void }).qadamStage(n), stage);
      // late replicas: let their content arrive (the page may be another of its steps until then)
      const late = lateDelay(c);
      if (late) await portal.waitForTimeout(late + 300);
      const state = await waitForSettledStep(qadam, portal, c);
      const step = state.step!;
      expect(state.portal).toBe(portalOfHost(new URL(c.url).hostname));
      const proc = procedureById(state.procedure);
      expect(proc, `state.procedure ${state.procedure} should be a procedure of the catalogue`).toBeTruthy();
      expect(
        proc!.steps.map((s) => s.id),
        `procedure ${state.procedure} should contain step ${step}`,
      ).toContain(step);
      const listed = c.fields[step] ?? [];

      for (const id of listed) await expectRingEncloses(portal, id);

      const o = await overlay(portal);
      expect(o.hosts, 'exactly one <qadam-overlay>').toBe(1);
      expect(o.openShadow, 'its shadow root is open').toBe(true);
      const stepFieldIds = state.fields.map((f) => f.id);
      for (const r of o.rings) expect(stepFieldIds, `ring ${r.field} should belong to step ${step}`).toContain(r.field);
      const shown = o.tooltips.filter((t) => t.visible);
      await screenshot(portal, `case-${caseSlug(c)}`);
      if (listed.length) {
        expect(shown.length, 'one tooltip is shown').toBeGreaterThan(0);
        for (const t of shown) {
          expect(t.text.length, 'the tooltip says something').toBeGreaterThan(10);
          expect(t.text, 'no raw i18n key in the tooltip').not.toMatch(RAW_KEY);
          // beside its field, never over another ringed field of the step
          const over = o.rings.filter((r) => r.visible && r.field !== t.for && overlapArea(r.box, t.box) > OVERLAP_PX);
          expect(
            over.map((r) => r.field),
            `the hint of ${t.for} covers no other ringed field`,
          ).toEqual([]);
        }
      }
    });
  } else if (isPortal(c)) {
    test(`leaves ${caseTitle(c)} alone: a portal page of no step`, async ({ qadam, portal }) => {
      await portal.goto(fixtureUrl(c));
      await waitForAnswer(qadam, portal);
      await portal.waitForTimeout(1_500); // late content and the engine's batching have had their turn
      const state = await qadamState(qadam, portal);
      expect(state, 'the content script answers on a portal page').not.toBeNull();
      expect(state!.step, 'no step recognised').toBeNull();
      const o = await overlay(portal);
      expect(
        o.rings.map((r) => r.field),
        'no ring',
      ).toEqual([]);
      await screenshot(portal, `case-${caseSlug(c)}`);
    });
  } else {
    test(`does not run on ${caseTitle(c)}: not a portal`, async ({ qadam, portal }) => {
      await portal.goto(fixtureUrl(c));
      await portal.waitForTimeout(1_500);
      expect(await portal.locator('qadam-overlay').count(), 'no <qadam-overlay> element').toBe(0);
      expect(await qadamState(qadam, portal), 'no content script answers').toBeNull();
      await screenshot(portal, `case-${caseSlug(c)}`);
    });
  }
}

test.describe('the replica set covers the portal', () => {
  const positive = loadCases('esf').filter((c) => c.steps.length > 0);
  const esfPageSteps = [
    ...new Set(PROCEDURES.filter((p) => p.portal === 'esf').flatMap((p) => p.steps.filter((s) => s.kind === 'page').map((s) => s.id))),
  ];

  test('every page step of the ESF procedures has replicas in Kazakh and in Russian, in two DOM shapes', () => {
    const problems: string[] = [];
    for (const step of esfPageSteps) {
      const of = positive.filter((c: Case) => c.steps.includes(step));
      const langs = new Set(of.map((c) => c.lang));
      const shapes = new Set(of.map((c) => c.shape));
      if (!langs.has('kk')) problems.push(`${step}: no Kazakh replica`);
      if (!langs.has('ru')) problems.push(`${step}: no Russian replica`);
      if (shapes.size < 2) problems.push(`${step}: ${shapes.size} DOM shape(s) (${[...shapes].join(', ')})`);
    }
    expect(problems).toEqual([]);
  });

  test('there are negative replicas: a portal page of no step and a page off the portals', () => {
    const negative = loadCases('esf').filter((c) => c.steps.length === 0);
    expect(negative.filter(isPortal).length, 'a portal page of no step (e.g. news)').toBeGreaterThan(0);
    expect(negative.filter((c) => !isPortal(c)).length, 'a non-portal page').toBeGreaterThan(0);
  });
});
