import { describe, expect, it } from 'vitest';
import { PORTALS, PROCEDURES, proceduresOfPortal, portalOfHost } from '../../procedures';
import type { PageStep, PortalId } from '../../procedures/types';
import { readPageText } from '../../content-scripts/page-text';
import { choose, chooseByEvidence, hashRoute, isDone, pageFacts, recogniseAll } from '../../content-scripts/recognise';
import { readPage } from '../../content-scripts/modal';
import { locateFields, visibleTarget } from '../../content-scripts/locate';
import { replicaPortals } from '../../replicas/files';
import { loadReplica, replicaCases, whereOf } from './replicas';

const PORTAL_DIRS = PORTALS.map((p) => p.id).filter((id) => replicaPortals().includes(id));
const cases = replicaCases('esf').filter((c) => !c.browserOnly);

/** as the content script reads a page: an open modal first (modal.ts), else the whole page */
function analyse(file: string, url: string, dir: PortalId = 'esf') {
  const doc = loadReplica(dir, file);
  const portal = portalOfHost(new URL(url).hostname);
  const { facts, all, fromModal, modal } = readPage(portal ? proceduresOfPortal(portal) : [], whereOf(url), doc);
  const root: ParentNode = fromModal && modal ? modal : doc;
  return { doc, text: facts.text, facts, root, all: portal ? all : [] };
}

function stepDef(stepId: string, portal: PortalId = 'esf'): PageStep {
  for (const p of proceduresOfPortal(portal)) for (const s of p.steps) if (s.id === stepId && s.kind === 'page') return s;
  throw new Error(`no page step ${stepId}`);
}

describe('hash routes', () => {
  it.each([
    ['#!/change-email', '/change-email'],
    ['#! / change-email', '/change-email'],
    ['#!change-email', '/change-email'],
    ['#/reset-password?x=1', '/reset-password?x=1'],
    ['', ''],
  ])('%s → %s', (h, r) => expect(hashRoute(h)).toBe(r));
});

describe.each(PORTAL_DIRS)('the %s replicas cover every page step in two shapes', (dir) => {
  const all = replicaCases(dir);
  const pageSteps = new Set(proceduresOfPortal(dir).flatMap((p) => p.steps.filter((s) => s.kind === 'page').map((s) => s.id)));
  it.each([...pageSteps])('%s', (id) => {
    const mine = all.filter((c) => c.steps.includes(id));
    expect(new Set(mine.map((c) => c.shape)).size, `${dir} ${id}: shapes`).toBeGreaterThanOrEqual(2);
    expect(new Set(mine.map((c) => c.lang)).size, `${dir} ${id}: languages`).toBeGreaterThanOrEqual(2);
  });
});

// The cross-test: each replica is recognised as exactly its steps, and no other step fires on it.
for (const dir of PORTAL_DIRS) {
  describe.each(replicaCases(dir).filter((c) => !c.browserOnly))(`${dir}: recognise $file at $url`, (c) => {
    it(`is exactly [${c.steps.join(', ')}]`, () => {
      const { all } = analyse(c.file, c.url, dir);
      expect([...new Set(all.map((r) => r.step.id))].sort()).toEqual([...c.steps].sort());
    });

    for (const [stepId, fieldIds] of Object.entries(c.fields)) {
      it(`locates the fields of ${stepId}: ${fieldIds.join(', ')}`, () => {
        const { doc, text, root } = analyse(c.file, c.url, dir);
        const found = locateFields(stepDef(stepId, dir), text, root);
        for (const id of fieldIds) {
          const expected = doc.querySelector(`[data-expect="${id}"]`);
          expect(expected, `${c.file}: the replica marks ${id}`).not.toBeNull();
          const src = found.get(id);
          const got = src ? (visibleTarget(src) ?? src) : undefined;
          expect(
            got === expected,

            `${c.file} ${stepId}.${id}: expected <${expected?.tagName.toLowerCase()} ` +
              `${expected?.outerHTML.slice(0, 80)}>, got <${got?.outerHTML.slice(0, 80)}>`,
          ).toBe(true);
        }
      });
    }
  });
}

describe('choosing among procedures', () => {
  const login = cases.find((c) => c.file === 'login-table-ru.html')!;
  it('takes the first procedure in catalogue order when none is followed', () => {
    const { all } = analyse(login.file, login.url);
    const r = choose(all, null)!;
    expect([r.procedure.id, r.step.id]).toEqual(['esf.ie-after-individual', 'sign-in']);
  });
  it('keeps the procedure the user follows', () => {
    const { all } = analyse(login.file, login.url);
    expect(choose(all, 'esf.second-enterprise')!.step.id).toBe('select-certificate');
    expect(choose(all, 'esf.legal-entity-after-individual')!.procedure.id).toBe('esf.legal-entity-after-individual');
  });
  it('prefers the later step of the followed procedure on a page that shows both', () => {
    const c = cases.find((x) => x.file === 'account-ie-table-ru.html')!;
    const { all } = analyse(c.file, c.url);
    expect(choose(all, 'esf.ie-after-individual')!.step.id).toBe('register-as-ie');
    const d = cases.find((x) => x.file === 'confirm-table-kk.html')!;
    expect(choose(analyse(d.file, d.url).all, 'esf.second-enterprise')!.step.id).toBe('confirm-registration');
  });
  it('every catalogue step id is unique within its procedure', () => {
    for (const p of PROCEDURES) expect(new Set(p.steps.map((s) => s.id)).size).toBe(p.steps.length);
  });
});

describe('a step is done when the page shows its result', () => {
  const regdata = stepDef('registration-data');
  const facts = (html: string) => {
    const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
    return pageFacts({ pathname: '/esf-web/', hash: '#!/profile/registration/ip' }, readPageText(doc.body), doc);
  };
  it('the next wizard stage finishes «Шаг 2»', () => {
    expect(isDone(regdata, facts('<h3>Шаг 3 - подтверждение</h3><button>Подписать</button>'))).toBe(true);
    expect(isDone(regdata, facts('<h3>3 - қадам - растау</h3>'))).toBe(true);
  });
  it('not while stage 2 is still shown, even when the wizard lists stage 3 ahead', () => {
    expect(
      isDone(
        regdata,
        facts('<ol><li>Шаг 2 - регистрационные данные</li><li>Шаг 3 - подтверждение</li></ol><label>Пароль <input type=password></label>'),
      ),
    ).toBe(false);
  });
});

describe('with nothing followed, a page of several procedures is taken by its evidence', () => {
  // ESF's registration data (stage 2) is a step of the IE, legal-entity and second-enterprise procedures
  const regdata = (tab: 'le' | 'ie', id: string) => {
    const doc = new DOMParser().parseFromString(
      `<body><div class="gwt-TabBar"><div ` +
        `class="gwt-TabBarItem${tab === 'ie' ? ' gwt-TabBarItem-selected' : ''}" role="tab" ` +
        `aria-selected="${tab === 'ie'}">Жеке кәсіпкер</div>` +
        `<div class="gwt-TabBarItem${tab === 'le' ? ' gwt-TabBarItem-selected' : ''}" role="tab" ` +
        `aria-selected="${tab === 'le'}">Заңды тұлға</div></div>` +
        `<h3>2-қадам - тіркеу деректері</h3><table><tr><td>${id.startsWith('19') ? 'БСН' : 'ЖСН'}</td><td>` +
        `<input type="text" readonly value="${id}"></td></tr>` +
        `<tr><td>Құпия сөз</td><td><input type="password"></td></tr></table></body>`,
      'text/html',
    );
    const facts = pageFacts({ pathname: '/esf-web/', hash: '#!/profile/registration' }, readPageText(doc.body), doc);
    return { facts, all: recogniseAll(proceduresOfPortal('esf'), facts) };
  };
  const BIN = '190540028173';
  const IIN = '781105301459';

  it('the page is a step of several procedures (catalogue order alone would take the IE one)', () => {
    const { all } = regdata('le', BIN);
    expect(new Set(all.map((r) => r.procedure.id)).size).toBeGreaterThan(1);
    expect(choose(all, null)!.procedure.id).toBe('esf.ie-after-individual');
  });
  it('the «Заңды тұлға» tab active and a BIN shown: the legal entity registration', () => {
    const { all, facts } = regdata('le', BIN);
    const r = chooseByEvidence(all, null, facts)!;
    expect([r.procedure.id, r.step.id]).toEqual(['esf.legal-entity-after-individual', 'registration-data']);
  });
  it('the IE tab active and an IIN shown: the IE registration', () => {
    const { all, facts } = regdata('ie', IIN);
    expect(chooseByEvidence(all, null, facts)!.procedure.id).toBe('esf.ie-after-individual');
  });
  it("a BIN shown alone outweighs catalogue order; the active profile's kind and the step last seen count too", () => {
    const { all, facts } = regdata('ie', BIN);
    // the IE tab (+4) against a BIN (+3 for the legal entity, -3 for the IE): the legal entity
    expect(chooseByEvidence(all, null, facts)!.procedure.id).toBe('esf.legal-entity-after-individual');
    const le = regdata('le', IIN);
    expect(chooseByEvidence(le.all, null, le.facts, { profileKind: 'ie' })!.procedure.id).toBe('esf.ie-after-individual');
    expect(
      chooseByEvidence(le.all, null, le.facts, {
        profileKind: 'legal',
        last: { procedure: 'esf.second-enterprise', step: 'legal-entity-tab' },
      })!.procedure.id,
    ).toBe('esf.second-enterprise');
  });
  it('the followed procedure always wins', () => {
    const { all, facts } = regdata('le', BIN);
    expect(chooseByEvidence(all, 'esf.ie-after-individual', facts)!.procedure.id).toBe('esf.ie-after-individual');
  });
});
