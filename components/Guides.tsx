import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { browser } from 'wxt/browser';
import { PORTALS } from '../procedures';
import { LANGS, type Lang } from '../procedures/types';
import { fileOf, pick, saveGuides, saveTaught, type Guide } from '../lib/guide-model';
import { checkGuides, mergeGuides, parseGuideFile, type GuideProblem } from '../lib/guides';
import { useGuides, useGuideT } from './guide-store';
import { GuideHostAccess } from './GuideHost';
import { sendToTab, type RecordMessage, type TeachMessage } from '../lib/messages';

/**
 * The guides people make, in the popup (record, teach a field) and the options page (import,
 * export, the list of guides and taught fields with delete). contract.md «Guides people teach,
 * record and share».
 */

/** ask the active tab's portal script (typed: lib/messages.ts ToContent); the answer narrowed by the caller */
async function toActiveTab<T>(msg: TeachMessage | RecordMessage): Promise<T | null> {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return null;
    const answer = await sendToTab(tab.id, msg);
    return (answer as T | undefined) ?? null;
  } catch {
    return null;
  }
}

/** «Show Qadam where it is» beside a field not found (popup) */
export function TeachButton({ field, name }: { field: string; name: string }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="teach"
      data-qadam-teach={field}
      aria-label={t('guides.teachField', { field: name })}
      onClick={() =>
        void toActiveTab({ type: 'qadam:teach', field, name }).then((r) => (r as { ok?: boolean } | null)?.ok && window.close())
      }
    >
      {t('guides.teach')}
    </button>
  );
}

/** fields taught earlier that are not where they were: the built-in locators took over */
export function TaughtLost({ names }: { names: string[] }) {
  const { t } = useTranslation();
  if (!names.length) return null;
  return (
    <p className="missing" role="note" data-qadam-taught-lost>
      {t('guides.taughtLost', { fields: names.join(', ') })}
    </p>
  );
}

/** Record a guide on the portal page of the active tab (popup) */
export function RecordPanel({ onPortal }: { onPortal: boolean }) {
  const { t } = useTranslation();
  const [recording, setRecording] = useState<{ steps: number; fields: number } | null>(null);
  const [title, setTitle] = useState('');
  const [saved, setSaved] = useState('');
  const { i18n } = useTranslation();
  useEffect(() => {
    if (!onPortal) return;
    void toActiveTab<{ recording: boolean; steps: number; fields: number }>({ type: 'qadam:record', action: 'status' }).then((r) =>
      setRecording(r?.recording ? r : null),
    );
  }, [onPortal]);
  if (!onPortal) return null;
  return (
    <section className="record" aria-labelledby="record-h">
      <h2 id="record-h">{t('guides.recordTitle')}</h2>
      {recording ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void toActiveTab<{ guide: Guide | null }>({ type: 'qadam:record', action: 'stop', title }).then((r) => {
              setRecording(null);
              setSaved(r?.guide ? t('guides.saved', { title: pick(r.guide.title, i18n.language as Lang) }) : t('guides.nothingRecorded'));
            });
          }}
        >
          <p role="status">{t('guides.recordingNow', { steps: recording.steps, fields: recording.fields })}</p>
          <label className="picker">
            <span>{t('guides.name')}</span>
            <input value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} data-qadam-record-title />
          </label>
          <button type="submit" data-qadam-record-stop>
            {t('guides.stop')}
          </button>
        </form>
      ) : (
        <>
          <p>{t('guides.recordLead')}</p>
          <button
            type="button"
            data-qadam-record
            onClick={() =>
              void toActiveTab<{ recording: boolean }>({ type: 'qadam:record', action: 'start' }).then((r) => {
                if (r?.recording) setRecording({ steps: 1, fields: 0 });
              })
            }
          >
            {t('guides.record')}
          </button>
          {saved && <p role="status">{saved}</p>}
        </>
      )}
    </section>
  );
}

function problemText(t: (k: string, p?: Record<string, unknown>) => string, p: GuideProblem): string {
  const params = { ...(p.params ?? {}) };
  if (p.key === 'regex') params.why = t(`guides.regexWhy.${String(params.why)}`);
  return t(`guides.problem.${p.key}`, params);
}

/** Options page: import, export, the guides and the taught fields, each with delete */
export function GuidesSection() {
  const { t } = useTranslation();
  const gt = useGuideT();
  const g = useGuides();
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    void g.load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const importFile = async (file: File) => {
    const text = file.size > 2 * 1024 * 1024 ? null : await file.text();
    const r = text === null ? ({ ok: false, problem: { key: 'huge', params: { kb: 512 } } } as const) : parseGuideFile(text);
    if (!r.ok) {
      setStatus({ ok: false, text: t('guides.refused', { name: file.name, why: problemText(t, r.problem) }) });
      return;
    }
    await saveGuides(mergeGuides(g.own, r.guides));
    setStatus({ ok: true, text: t('guides.imported', { count: r.guides.length }) });
  };

  const exportAll = () => {
    const blob = new Blob([JSON.stringify(fileOf([...g.policy, ...g.own.filter((x) => !g.policy.some((p) => p.id === x.id))]), null, 2)], {
      type: 'application/json',
    });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'qadam-guides.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  };

  const portalName = (id: string) => (PORTALS.some((p) => p.id === id) ? t(`ui.portalName.${id}`) : id);

  return (
    <section aria-labelledby="guides-h" className="guides">
      <h2 id="guides-h">{t('guides.title')}</h2>
      <p>{t('guides.lead')}</p>
      <label className="row">
        <span>{t('guides.import')}</span>
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          data-qadam-guide-import
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void importFile(f).finally(() => input.current && (input.current.value = ''));
          }}
        />
      </label>
      {status && (status.ok ? <p role="status">{status.text}</p> : <p role="alert">{status.text}</p>)}
      <p>
        <button type="button" data-qadam-guide-export onClick={exportAll} disabled={!g.own.length && !g.policy.length}>
          {t('guides.export')}
        </button>
      </p>
      {!g.own.length && !g.policy.length ? (
        <p>{t('guides.none')}</p>
      ) : (
        <ul className="guide-list">
          {g.policy.map((x) => (
            <li key={`p-${x.id}`} data-guide-id={x.id} data-from-policy="true">
              <strong>{gt(`procedures.${x.id}.title`)}</strong> · {portalName(x.portal)} ·{' '}
              {t('guides.stepsCount', { count: x.steps.length })} · {t('guides.fromPolicy')}
              {x.host && (
                <>
                  {' '}
                  · <GuideHostAccess host={x.host} />
                </>
              )}
            </li>
          ))}
          {g.own
            .filter((x) => !g.policy.some((p) => p.id === x.id))
            .map((x) => (
              <li key={x.id} data-guide-id={x.id}>
                <strong>{gt(`procedures.${x.id}.title`)}</strong> · {portalName(x.portal)} ·{' '}
                {t('guides.stepsCount', { count: x.steps.length })} {x.host && <GuideHostAccess host={x.host} />}{' '}
                <button
                  type="button"
                  aria-label={t('guides.deleteNamed', { name: gt(`procedures.${x.id}.title`) })}
                  onClick={() => void saveGuides(g.own.filter((y) => y.id !== x.id))}
                >
                  {t('guides.delete')}
                </button>
                <GuideEditor guide={x} onSave={(edited) => saveGuides(g.own.map((y) => (y.id === x.id ? edited : y)))} />
              </li>
            ))}
        </ul>
      )}
      <h3>{t('guides.taughtTitle')}</h3>
      {!g.taught.length ? (
        <p>{t('guides.noTaught')}</p>
      ) : (
        <ul className="taught-list">
          {g.taught.map((x) => {
            const name = x.procedure.startsWith('guide.')
              ? gt(`procedures.${x.procedure}.steps.${x.step}.names.${x.field}`)
              : t(`fields.${x.field}`);
            return (
              <li
                key={`${x.procedure}/${x.step}/${x.field}`}
                data-taught-field={x.field}
                data-guide-id={`${x.procedure}/${x.step}/${x.field}`}
              >
                {gt(`procedures.${x.procedure}.title`)} — {name}{' '}
                <button
                  type="button"
                  aria-label={t('guides.deleteNamed', { name })}
                  onClick={() =>
                    void saveTaught(g.taught.filter((y) => !(y.procedure === x.procedure && y.step === x.step && y.field === x.field)))
                  }
                >
                  {t('guides.delete')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/**
 * Editing a guide of one's own: its name, each step's name, and per field a hint in each of the
 * four languages, its order, delete. Saved only when the edited guide passes the file check.
 */
function GuideEditor({ guide, onSave }: { guide: Guide; onSave: (g: Guide) => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const lang = (i18n.language as Lang) ?? 'en';
  const [draft, setDraft] = useState<Guide>(() => structuredClone(guide));
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const change = (f: (d: Guide) => void) =>
    setDraft((d) => {
      const next = structuredClone(d);
      f(next);
      return next;
    });
  const save = async () => {
    const r = checkGuides([draft]);
    if (!r.ok) return setStatus({ ok: false, text: problemText(t, r.problem) });
    await onSave(r.guides[0]!);
    setStatus({ ok: true, text: t('guides.editSaved') });
  };
  return (
    <details className="guide-edit" data-guide-edit={guide.id}>
      <summary>{t('guides.edit')}</summary>
      <label className="row">
        <span>{t('guides.name')}</span>
        <input
          value={draft.title[lang] ?? pick(draft.title, lang)}
          maxLength={200}
          data-guide-title
          onChange={(e) => change((d) => void (d.title[lang] = e.target.value))}
        />
      </label>
      {draft.steps.map((step, si) => (
        <fieldset key={step.id} data-guide-step={step.id}>
          <legend>
            {t('guides.stepN', { n: si + 1 })}: {pick(step.title, lang) || step.id}
          </legend>
          <ol>
            {step.fields.map((f, fi) => {
              const name = f.labels.reduce((a, b) => (b.length < a.length ? b : a), f.labels[0] ?? f.id);
              const move = (by: number) =>
                change((d) => {
                  const list = d.steps[si]!.fields;
                  const [x] = list.splice(fi, 1);
                  list.splice(fi + by, 0, x!);
                });
              return (
                <li key={f.id} data-guide-field={f.id}>
                  <strong>{name}</strong>{' '}
                  <button type="button" disabled={fi === 0} aria-label={t('guides.moveUp', { name })} onClick={() => move(-1)}>
                    ↑
                  </button>
                  <button
                    type="button"
                    disabled={fi === step.fields.length - 1}
                    aria-label={t('guides.moveDown', { name })}
                    onClick={() => move(1)}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    aria-label={t('guides.deleteNamed', { name })}
                    onClick={() => change((d) => void d.steps[si]!.fields.splice(fi, 1))}
                  >
                    {t('guides.delete')}
                  </button>
                  {LANGS.map((l) => (
                    <label key={l} className="row">
                      <span>
                        {t('guides.hintIn')} · {t(`ui.langName.${l}`)}
                      </span>
                      <input
                        lang={l}
                        value={f.hint?.[l] ?? ''}
                        maxLength={1000}
                        data-guide-hint={`${f.id}:${l}`}
                        onChange={(e) =>
                          change((d) => {
                            const field = d.steps[si]!.fields[fi]!;
                            field.hint = { ...(field.hint ?? {}), [l]: e.target.value };
                            if (!e.target.value) delete field.hint[l];
                          })
                        }
                      />
                    </label>
                  ))}
                </li>
              );
            })}
          </ol>
        </fieldset>
      ))}
      <button type="button" data-guide-save onClick={() => void save()}>
        {t('guides.saveEdit')}
      </button>
      {status && (status.ok ? <p role="status">{status.text}</p> : <p role="alert">{status.text}</p>)}
    </details>
  );
}
