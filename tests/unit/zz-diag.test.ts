import { it } from 'vitest';
import { proceduresOfPortal, portalOfHost } from '../../procedures';
import { readPageText } from '../../content-scripts/page-text';
import { pageFacts, recogniseAll } from '../../content-scripts/recognise';
import { locateFields, visibleTarget } from '../../content-scripts/locate';
import { loadReplica, replicaCases, whereOf } from '../../tests/unit/replicas';
const dir = process.env.DIR as any;
it('diag', () => {
  for (const c of replicaCases(dir).filter((x) => !x.browserOnly)) {
    const doc = loadReplica(dir, c.file);
    const text = readPageText(doc.body);
    const facts = pageFacts(whereOf(c.url), text, doc);
    const portal = portalOfHost(new URL(c.url).hostname);
    const all = portal ? recogniseAll(proceduresOfPortal(portal), facts) : [];
    const got = [...new Set(all.map((r) => r.step.id))].sort();
    const exp = [...c.steps].sort();
    const bad: string[] = [];
    if (JSON.stringify(got) !== JSON.stringify(exp)) bad.push(`steps got ${got} want ${exp}`);
    for (const [sid, fids] of Object.entries(c.fields)) {
      const step = proceduresOfPortal(portal!).flatMap((p) => p.steps).find((s) => s.id === sid && s.kind === 'page') as any;
      if (!step) { bad.push(`no step ${sid}`); continue; }
      const f = locateFields(step, text, doc);
      for (const id of fids) {
        const e = doc.querySelector(`[data-expect="${id}"]`);
        const s = f.get(id); const g = s ? visibleTarget(s) ?? s : undefined;
        if (g !== e) bad.push(`${sid}.${id}: want <${e?.outerHTML.slice(0, 90)}> got <${g?.outerHTML.slice(0, 90)}>`);
      }
    }
    if (bad.length) console.log(`${c.file} ${c.url}\n  ${bad.join('\n  ')}`);
  }
});
