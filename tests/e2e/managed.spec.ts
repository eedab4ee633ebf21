/**
 * Managed deployment, for real: Chromium reads an administrator's policy from
 * /etc/chromium/policies/managed/ and hands the extension its `3rdparty` part as storage.managed.
 * The test loads a COPY of the build from another folder (so it has another extension id, and the
 * policy touches no other test), writes a policy for that id, and checks that the language, the
 * enabled portals and the preloaded profiles take effect. Needs write access to /etc/chromium
 * (CI runs as root); elsewhere it is skipped with the reason.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EXTENSION_DIR, launch } from './browser';
import { canWritePolicies, extensionIdOf, POLICY_DIR } from './policy';
import { expect, fixtureUrl, loadCases, qadamState, screenshot, test } from './harness';

test('a policy presets the language, switches portals off and preloads profiles', async ({ server }) => {
  test.skip(!canWritePolicies(), `no write access to ${POLICY_DIR}: run as root to test managed policies`);
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'qadam-managed-ext-'));
  fs.cpSync(EXTENSION_DIR, copy, { recursive: true });
  const id = extensionIdOf(copy);
  const policyFile = path.join(POLICY_DIR, `qadam-e2e-${id}.json`);
  const policy = {
    language: 'kk',
    portals: ['esf', 'nca'],
    profiles: [
      {
        name: 'Karasu Logistic LLP',
        country: 'KZ',
        kind: 'legal',
        identifier: '190540028173',
        headId: '781105301459',
        headName: 'Akhmetov Yerzhan',
      },
      { name: 'Bad check digit', country: 'KZ', kind: 'legal', identifier: '190540028174' },
    ],
  };
  fs.writeFileSync(policyFile, JSON.stringify({ '3rdparty': { extensions: { [id]: policy } } }));
  const q = await launch(server, { extensionDir: copy });
  try {
    expect(q.extensionId, 'the copy has the id computed from its path').toBe(id);
    const popup = await q.context.newPage();
    await popup.goto(`chrome-extension://${id}/popup.html`);
    // the profile is preloaded (the one with a bad check digit is not) and active
    await expect(popup.locator('[data-active-profile]')).toContainText('Karasu Logistic LLP', { timeout: 15_000 });
    await expect(popup.locator('select[data-qadam-lang]')).toHaveValue('kk');
    // the training sandbox and the printable handout speak the policy's language too (issue 13:
    // they followed only the user's choice and the browser's); their address names none
    const kk = JSON.parse(fs.readFileSync(path.resolve('locales/kk.json'), 'utf8')) as {
      sandbox: { title: string };
      handout: { title: string };
    };
    const training = await q.context.newPage();
    await training.goto(`chrome-extension://${id}/sandbox.html#/esf.second-enterprise`);
    await expect(training.locator('html')).toHaveAttribute('lang', 'kk', { timeout: 15_000 });
    await expect(training.locator('qadam-sandbox select[data-qadam-lang]')).toHaveValue('kk');
    await expect(training).toHaveTitle(new RegExp(`^${kk.sandbox.title}`));
    await screenshot(training, 'managed-sandbox-kk');
    await training.close();
    const handout = await q.context.newPage();
    await handout.goto(`chrome-extension://${id}/handout.html#/esf.second-enterprise`);
    await expect(handout.locator('body[data-qadam-ready="true"]')).toHaveCount(1, { timeout: 30_000 });
    await expect(handout.locator('html')).toHaveAttribute('lang', 'kk');
    await expect(handout).toHaveTitle(new RegExp(`${kk.handout.title}$`));
    expect(await handout.locator('figure iframe').first().getAttribute('src'), 'its pictures in the same language').toContain('lang=kk');
    await screenshot(handout, 'managed-handout-kk');
    await handout.close();
    // only the enabled portals' procedures are offered
    const groups = await popup.locator('select[data-qadam-select-procedure] optgroup').count();
    expect(groups).toBe(2);
    // a switched-off portal gets no guidance; an enabled one does
    const oneid = loadCases('oneid').find((c) => c.steps.length > 0)!;
    const tab = await q.context.newPage();
    await tab.goto(fixtureUrl(oneid));
    await tab.waitForTimeout(1500);
    expect(await tab.locator('qadam-overlay').count(), 'no overlay on a portal switched off by policy').toBe(0);
    const esf = loadCases('esf').find((c) => c.file === 'regdata-div-ru.html')!;
    await tab.goto(fixtureUrl(esf));
    await expect.poll(async () => (await qadamState(q, tab))?.step ?? null, { timeout: 15_000 }).toBe('registration-data');
    await expect(tab.locator('qadam-overlay')).toHaveCount(1);
    // the administrator switches ESF off while the page is open: Chromium reloads the policy
    // (it watches the folder), the background mirrors it, and the page's guidance goes
    fs.writeFileSync(policyFile, JSON.stringify({ '3rdparty': { extensions: { [id]: { ...policy, portals: ['nca'] } } } }));
    await expect(tab.locator('qadam-overlay'), 'the overlay goes when its portal is switched off').toHaveCount(0, { timeout: 45_000 });
    await tab.reload();
    await tab.waitForTimeout(1500);
    expect(await tab.locator('qadam-overlay').count(), 'and stays away on the next load').toBe(0);
    // switched on again: the guidance comes back on the open page
    fs.writeFileSync(policyFile, JSON.stringify({ '3rdparty': { extensions: { [id]: policy } } }));
    await expect(
      tab.locator('qadam-overlay [data-qadam-field="password"]'),
      'the guidance comes back when the portal is switched on',
    ).toHaveCount(1, { timeout: 45_000 });
  } finally {
    fs.rmSync(policyFile, { force: true });
    await q.close();
    fs.rmSync(copy, { recursive: true, force: true });
  }
});
