import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { PORTALS, PROCEDURES, procedureById } from '../procedures';
import { formatDate } from '../lib/dates';
import { registeredOn } from '../lib/registered';
import type { Procedure, Step } from '../procedures/types';
import { currentStep } from '../lib/progress';
import { changeLang } from '../lib/i18n';
import { usePopup } from './store';
import { ConfirmButton, LanguageSelect } from './shared';
import { Signers } from './Signers';
import { ProfileSwitcher } from './ProfileSwitcher';
import { Diagnostics } from './Diagnostics';
import { KeysExpiring } from './KeysExpiring';
import { findProcedure, useGuides, useGuideT } from './guide-store';
import { RecordPanel, TaughtLost, TeachButton } from './Guides';
import { profileWarnings } from '../lib/warnings';

/** The popup: which procedure, which step, and the steps that happen off the portal. 360 px wide. */
export function Popup() {
  const s = usePopup();
  const { t } = useTranslation();
  const guides = useGuides();
  useEffect(() => {
    void s.load();
    void guides.load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    void changeLang(s.lang);
  }, [s.lang]);
  useEffect(() => {
    // the moment the popup shows the user's data (read by `npm run bench`)
    if (s.loaded) performance.mark('qadam:interactive');
  }, [s.loaded]);

  if (!s.loaded || !guides.loaded) return <main className="popup" aria-busy="true" />;

  const tab = s.tab;
  const tabProc = tab?.procedure ? findProcedure(tab.procedure, guides.procedures) : undefined;
  const proc = findProcedure(s.picked, guides.procedures) ?? tabProc ?? findProcedure(s.progress.active, guides.procedures);

  return (
    <main className="popup">
      <header className="top">
        <img src="/icon/48.png" alt="" width={32} height={32} />
        <div className="brand">
          <h1>{t('ui.appName')}</h1>
          <p className="tagline">{t('ui.tagline')}</p>
        </div>
        <label className="lang">
          <span className="sr-only">{t('ui.language')}</span>
          <LanguageSelect value={s.lang} onChange={(l) => void s.setLang(l)} />
        </label>
      </header>

      {s.progress.notice === 'reset' && (
        <div className="notice" role="alert">
          <p>{t('ui.storageReset')}</p>
          <button type="button" onClick={() => void s.dismissNotice()}>
            {t('overlay.close')}
          </button>
        </div>
      )}

      <p className="where" role="status">
        {tab
          ? tab.procedure
            ? t('ui.followingTab', { portal: t(`ui.portalName.${tab.portal}`) })
            : t('ui.unrecognisedPage')
          : t('ui.notPortalTab')}
      </p>

      <ProfileSwitcher />

      <KeysExpiring list={s.profiles.list} onRenew={(id) => void s.renewKeys(id)} />

      <ProcedurePicker value={proc?.id ?? ''} onPick={(id) => void s.follow(id)} portals={s.managed.portals} />

      {proc ? <ProcedureView proc={proc} /> : <p className="empty">{t('ui.noProcedure')}</p>}

      <RecordPanel onPortal={!!tab} />

      <footer className="privacy">
        <p>{t('ui.privacy')}</p>
        <Diagnostics />
      </footer>
    </main>
  );
}

function ProcedurePicker({ value, onPick, portals }: { value: string; onPick: (id: string) => void; portals: readonly string[] | null }) {
  const t = useGuideT();
  const guides = useGuides((g) => g.procedures);
  const all = [...PROCEDURES, ...guides];
  return (
    <label className="picker">
      <span>{t('ui.procedure')}</span>
      <select data-qadam-select-procedure value={value} onChange={(e) => e.target.value && onPick(e.target.value)}>
        {!value && <option value="">{t('ui.chooseProcedure')}</option>}
        {PORTALS.filter((p) => (!portals || portals.includes(p.id)) && all.some((x) => x.portal === p.id)).map((p) => (
          <optgroup key={p.id} label={t(`ui.portalName.${p.id}`)}>
            {all
              .filter((x) => x.portal === p.id)
              .map((x) => (
                <option key={x.id} value={x.id}>
                  {t(`procedures.${x.id}.title`)}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}

function ProcedureView({ proc }: { proc: Procedure }) {
  const s = usePopup();
  const t = useGuideT();
  const pp = s.progress.procedures[proc.id];
  const tabHere = s.tab?.procedure === proc.id ? s.tab : null;
  const current = useMemo(() => {
    if (tabHere?.step && !pp?.done[tabHere.step]) return tabHere.step;
    return currentStep(s.progress, proc.id);
  }, [tabHere, pp, s.progress, proc.id]);
  const idx = proc.steps.findIndex((x) => x.id === current);
  const currentDef = proc.steps[idx];
  const missing = tabHere?.fields.filter((f) => !f.found && !f.optional) ?? [];
  const lost = tabHere?.fields.filter((f) => f.taught === 'lost') ?? [];
  const base = `procedures.${proc.id}`;
  const me = s.profiles.list.find((p) => p.id === s.profiles.active);
  // already registered there: said before the user starts, up to the registering step
  // the same rule as the portal page's warning (lib/warnings.ts)
  const fact = registeredOn(me?.facts, proc.registers?.portal);
  const registered = profileWarnings({ procedure: proc, stepIndex: idx, active: !!me, registered: fact !== undefined }).includes(
    'already-registered',
  )
    ? fact
    : undefined;

  return (
    <section className="procedure" data-procedure-id={proc.id} aria-labelledby="proc-title">
      <h2 id="proc-title">{t(`${base}.title`)}</h2>
      <p className="summary">{t(`${base}.summary`)}</p>
      <p className="progress-line">
        {idx >= 0 ? t('ui.stepOf', { current: idx + 1, total: proc.steps.length }) : t('ui.done')}
        {me ? <span className="step-for"> · {t('profiles.stepFor', { name: me.name })}</span> : null}
      </p>
      {registered && (
        <p className="warning" role="note" data-qadam-warning="already-registered">
          {t(`${base}.registered`, { name: me!.name, date: formatDate(registered.at, s.lang) })}
        </p>
      )}
      <Prerequisites proc={proc} />
      {proc.signer && currentDef?.kind === 'page' && currentDef.signature ? <Signers signer={proc.signer} /> : null}
      <ol className="steps" aria-label={t('ui.steps')}>
        {proc.steps.map((step, i) => (
          <StepItem
            key={step.id}
            proc={proc}
            step={step}
            n={i + 1}
            current={step.id === current}
            done={!!pp?.done[step.id]}
            missing={step.id === tabHere?.step ? missing.map((f) => f.id) : []}
            lost={step.id === tabHere?.step ? lost.map((f) => f.id) : []}
          />
        ))}
      </ol>
      {pp?.seenAt ? <p className="updated">{t('ui.lastUpdated', { time: new Date(pp.seenAt).toLocaleString(s.lang) })}</p> : null}
      <div className="actions">
        <a
          className="button-link"
          data-qadam-open-sandbox
          href={`/sandbox.html?lang=${s.lang}#/${proc.id}/${current ?? proc.steps[0]!.id}`}
          target="_blank"
          rel="noreferrer"
        >
          {t('sandbox.open')}
        </a>
        <ConfirmButton
          label={t('ui.reset')}
          question={t('ui.resetConfirm')}
          marker={{ 'data-qadam-reset': true }}
          onConfirm={() => void s.reset(proc.id)}
        />
      </div>
    </section>
  );
}

function StepItem({
  proc,
  step,
  n,
  current,
  done,
  missing,
  lost,
}: {
  proc: Procedure;
  step: Step;
  n: number;
  current: boolean;
  done: boolean;
  missing: string[];
  lost: string[];
}) {
  const s = usePopup();
  const { i18n } = useTranslation();
  const t = useGuideT();
  // a field's name: the catalogue's, or a guide's own caption
  const fieldName = (id: string) =>
    proc.id.startsWith('guide.') ? t(`procedures.${proc.id}.steps.${step.id}.names.${id}`) : t(`fields.${id}`);
  const key = `procedures.${proc.id}.steps.${step.id}`;
  const boxId = `done-${step.id}`;
  const warning = i18n.exists(`${key}.warning`) ? t(`${key}.warning`) : null;
  const link = step.kind === 'manual' ? step.link : undefined;
  return (
    <li
      className="step"
      data-step-id={step.id}
      data-kind={step.kind}
      aria-current={current ? 'step' : undefined}
      data-done={done ? 'true' : undefined}
    >
      <div className="step-row">
        <span className="num" aria-hidden="true">
          {done ? '✓' : n}
        </span>
        <div className="step-main">
          <span className="step-title">{t(`${key}.title`)}</span>
          <span className="kind">{step.kind === 'manual' ? t('ui.kindManual') : t('ui.kindPage')}</span>
          {current && <span className="here">{t('ui.current')}</span>}
        </div>
        <label className="tick" htmlFor={boxId}>
          <input id={boxId} type="checkbox" checked={done} onChange={(e) => void s.toggleDone(proc.id, step.id, e.target.checked)} />
          <span className="sr-only">
            {t('ui.markDone')}: {t(`${key}.title`)}
          </span>
        </label>
      </div>
      {(current || warning) && (
        <div className="step-body">
          {current && <p>{t(`${key}.text`)}</p>}
          {warning && (
            <p className="warning" role="note">
              {warning}
            </p>
          )}
          {current && link && (
            <a href={link} target="_blank" rel="noreferrer">
              {t('ui.openLink')}
            </a>
          )}
          {missing.length > 0 && (
            <div className="missing" role="alert">
              <p>{t('ui.missingFields', { fields: missing.map(fieldName).join(', ') })}</p>
              {missing.map((id) => (
                <TeachButton key={id} field={id} name={fieldName(id)} />
              ))}
            </div>
          )}
          <TaughtLost names={lost.map(fieldName)} />
        </div>
      )}
    </li>
  );
}

/** The procedures to finish first, each with its state and a one-click start; and what comes next. */
function Prerequisites({ proc }: { proc: Procedure }) {
  const s = usePopup();
  const { t } = useTranslation();
  const finished = (id: string) => {
    const p = procedureById(id);
    const done = s.progress.procedures[id]?.done ?? {};
    return !!p && p.steps.every((x) => done[x.id]);
  };
  const before = (proc.requires ?? []).map((id) => ({ id, done: finished(id) }));
  const next = finished(proc.id) ? PROCEDURES.filter((p) => p.requires?.includes(proc.id) && !finished(p.id)) : [];
  if (!before.length && !next.length) return null;
  return (
    <ul className="prereqs">
      {before.map(({ id, done }) => (
        <li key={id} data-requires={id} data-done={done ? 'true' : undefined}>
          {done
            ? t('ui.requiresDone', { procedure: t(`procedures.${id}.title`) })
            : t('ui.requires', { procedure: t(`procedures.${id}.title`) })}
          {!done && (
            <button type="button" onClick={() => void s.follow(id)}>
              {t('ui.startRequired')}
            </button>
          )}
        </li>
      ))}
      {next.map((p) => (
        <li key={p.id} data-next={p.id}>
          {t('ui.nextProcedure', { procedure: t(`procedures.${p.id}.title`) })}
          <button type="button" onClick={() => void s.follow(p.id)}>
            {t('ui.startNext')}
          </button>
        </li>
      ))}
    </ul>
  );
}
