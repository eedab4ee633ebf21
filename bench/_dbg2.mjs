import { register } from 'tsx/esm/api'; register();
const { startServer } = await import('../tests/e2e/server.ts');
const { launch } = await import('../tests/e2e/browser.ts');
const h = await import('../tests/e2e/harness.ts');
const srv = await startServer();
const q = await launch(srv);
const cases = h.loadCases();
const dump = async () => { const p = await q.context.newPage(); await p.goto(`chrome-extension://${q.extensionId}/popup.html`); const s = await p.evaluate(() => chrome.storage.local.get(null)); await p.close(); return JSON.stringify(s); };
for (const f of process.argv.slice(2)) {
  const c = cases.find(c => c.file === f);
  const p = await q.context.newPage();
  await p.goto(h.fixtureUrl(c));
  await p.waitForTimeout(1500);
  console.log(f, JSON.stringify(await h.qadamState(q, p)));
  console.log('  storage', await dump());
}
await q.close(); await srv.close();
