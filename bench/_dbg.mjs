import { register } from 'tsx/esm/api'; register();
const { startServer } = await import('../tests/e2e/server.ts');
const { launch } = await import('../tests/e2e/browser.ts');
const h = await import('../tests/e2e/harness.ts');
const srv = await startServer();
const q = await launch(srv);
const p = await q.context.newPage();
const c = h.loadCases().find(c => c.file === process.argv[2] && (!process.argv[3] || c.url.includes(process.argv[3])));
await p.goto(h.fixtureUrl(c));
for (let i = 0; i < 6; i++) { await p.waitForTimeout(700); console.log(JSON.stringify(await h.qadamState(q, p))); }
console.log(JSON.stringify((await h.overlay(p)).rings));
await p.screenshot({ path: '/tmp/dbg.png' });
await q.close(); await srv.close();
