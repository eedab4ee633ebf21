import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { COUNTRIES, decodeId, headIdKind, idKindOf, PROFILE_KINDS, type Country, type ProfileKind } from '../lib/identifiers';
import {
  FACT_PORTALS,
  loadProfiles,
  makeProfile,
  matchesQuery,
  profileProblems,
  profilesItem,
  setFact,
  sortProfiles,
  type FactPortal,
  type Profile,
  type Profiles,
  type SortKey,
} from '../lib/profiles';
import { addProfiles, deleteProfile, saveProfile, setActiveProfile } from '../lib/profile-store';
import { importBytes } from '../lib/import';
import { loadAllProgress, progressItem } from '../lib/progress';
import { exportData, MAX_IMPORT_BYTES, MAX_LISTED, type Problem } from '../lib/transfer';
import { ConfirmButton } from './shared';
import { KeysExpiring } from './KeysExpiring';
import { MAX_DATE as KEYS_MAX, MIN_DATE as KEYS_MIN, parseKeysExpire, RENEWAL_PROCEDURE } from '../lib/keys-expiry';
import { follow, updateProgress } from '../lib/progress';
import { formatDate, inDateRange, MAX_DATE, MIN_DATE } from '../lib/dates';

/**
 * The options page's profiles: one per company or person. Add, edit, delete, search, sort, mark
 * where each is registered, import (JSON or CSV) and export (JSON). Identifiers are checked with
 * the rule code the overlay uses and explained (birth date, registration month, kind of entity).
 */
export function ProfilesSection() {
  const { t, i18n } = useTranslation();
  const [ps, setPs] = useState<Profiles | null>(null);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortKey>('name');
  const [editing, setEditing] = useState<Profile | 'new' | null>(null);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    const reload = () => void loadProfiles().then(setPs);
    reload();
    const un = [profilesItem.watch(reload), progressItem.watch(reload)];
    return () => un.forEach((u) => u());
  }, []);

  const shown = useMemo(
    () => (ps ? sortProfiles(ps.list, sort, i18n.language).filter((p) => matchesQuery(p, query)) : []),
    [ps, sort, query, i18n.language],
  );
  if (!ps) return <section aria-busy="true" />;

  const existing = (identifier: string, except?: string) => ps.list.find((p) => p.identifier === identifier && p.id !== except);

  return (
    <section aria-labelledby="profiles-h" className="profiles">
      <h2 id="profiles-h">{t('profiles.title')}</h2>
      <p className="lead">{t('profiles.lead')}</p>
      <div className="toolbar">
        <label>
          <span className="sr-only">{t('profiles.search')}</span>
          <input
            type="search"
            data-qadam-profile-search
            placeholder={t('profiles.search')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </label>
        <label>
          <span>{t('profiles.sortBy')}</span>{' '}
          <select data-qadam-profile-sort value={sort} onChange={(e) => setSort(e.target.value as SortKey)}>
            <option value="name">{t('profiles.sort.name')}</option>
            <option value="identifier">{t('profiles.sort.identifier')}</option>
            <option value="created">{t('profiles.sort.created')}</option>
            <option value="keys">{t('profiles.sort.keys')}</option>
          </select>
        </label>
        <button type="button" className="primary" data-qadam-new-profile onClick={() => setEditing('new')}>
          {t('profiles.add')}
        </button>
      </div>

      {editing && (
        <ProfileForm
          initial={editing === 'new' ? null : editing}
          taken={(identifier) => existing(identifier, editing === 'new' ? undefined : editing.id)}
          onCancel={() => setEditing(null)}
          onSave={async (p) => {
            if (editing === 'new') await addProfiles([p]);
            else await saveProfile(p);
            setEditing(null);
          }}
        />
      )}

      <KeysExpiring
        list={ps.list}
        onRenew={(id) => {
          const p = ps.list.find((x) => x.id === id);
          void setActiveProfile(id)
            .then(() => updateProgress((x) => follow(x, RENEWAL_PROCEDURE), id))
            .then(() => setResult({ ok: true, text: t('profiles.keys.started', { name: p?.name ?? '' }) }));
        }}
      />

      <p className="count" aria-live="polite">
        {query ? t('profiles.found', { count: shown.length, total: ps.list.length }) : t('profiles.total', { count: ps.list.length })}
      </p>
      <ul className="profile-cards">
        {shown.map((p) => (
          <ProfileCard key={p.id} p={p} active={p.id === ps.active} onEdit={() => setEditing(p)} />
        ))}
      </ul>

      <h3>{t('profiles.transfer')}</h3>
      <p className="lead">{t('profiles.transferLead')}</p>
      <div className="toolbar">
        <button type="button" data-qadam-export onClick={() => void download()}>
          {t('profiles.export')}
        </button>
        <label className="file">
          <span>{t('profiles.import')}</span>{' '}
          <input
            type="file"
            data-qadam-import
            accept=".json,.csv,application/json,text/csv"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void importFile(file, t).then(setResult);
            }}
          />
        </label>
      </div>
      {result?.ok && (
        <p role="status" className="result ok">
          {result.text}
        </p>
      )}
      {result && !result.ok && (
        <p role="alert" className="result bad">
          {result.text}
        </p>
      )}
    </section>
  );
}

/** one line of text for the things a valid identifier says */
export function describeId(t: TFunction, country: Country, kind: ProfileKind, identifier: string, lang: string): string {
  const d = decodeId(idKindOf(country, kind), identifier);
  if (!d) return '';
  const date = (iso: string) => formatDate(iso, lang);
  switch (d.kind) {
    case 'iin':
      return t('profiles.decode.iin', { date: date(d.birth), sex: t(`profiles.decode.${d.sex}`) });
    case 'bin':
      return t('profiles.decode.bin', {
        month: String(d.month).padStart(2, '0'),
        year: d.year,
        entity: t(`profiles.decode.entity.${d.entity}`),
        attribute: t(`profiles.decode.attribute.${d.attribute}`),
      });
    case 'pinfl':
      return d.birth && d.sex
        ? t('profiles.decode.pinfl', { date: date(d.birth), sex: t(`profiles.decode.${d.sex}`) })
        : t('profiles.decode.pinflPlain');
    case 'tin':
      return t('profiles.decode.tin');
  }
}

function ProfileCard({ p, active, onEdit }: { p: Profile; active: boolean; onEdit: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const facts = FACT_PORTALS.filter((x) => p.facts[x]);
  return (
    <li className="profile-card" data-profile-id={p.id} data-active={active ? 'true' : undefined}>
      <div className="card-head">
        <strong className="name">{p.name}</strong>
        {active && <span className="badge">{t('profiles.active')}</span>}
      </div>
      <p className="ident">
        {t(`profiles.kind.${p.kind}`)} · {t(`profiles.country.${p.country}`)} · {t(`profiles.idKind.${idKindOf(p.country, p.kind)}`)}{' '}
        <span className="mono">{p.identifier}</span>
      </p>
      <p className="decoded">{describeId(t, p.country, p.kind, p.identifier, lang)}</p>
      {p.head && (p.head.name || p.head.id) && (
        <p className="head">
          {t('profiles.head')}: {p.head.name} {p.head.id && <span className="mono">{p.head.id}</span>}
        </p>
      )}
      {p.keysExpire && (
        <p className="keys" data-keys-expire={p.keysExpire}>
          {t('profiles.keys.expiresOn', { date: formatDate(p.keysExpire, lang) })}
        </p>
      )}
      <p className="facts">
        {facts.length
          ? facts
              .map((x) => t('profiles.registeredOn', { portal: t(`ui.portalName.${x}`), date: formatDate(p.facts[x]!.at, lang) }))
              .join(' · ')
          : t('profiles.noFacts')}
      </p>
      <div className="card-actions">
        {!active && (
          <button type="button" data-qadam-activate onClick={() => void setActiveProfile(p.id)}>
            {t('profiles.makeActive')}
          </button>
        )}
        <button type="button" data-qadam-edit onClick={onEdit}>
          {t('profiles.edit')}
        </button>
        <ConfirmButton
          label={t('profiles.delete')}
          question={t('profiles.deleteConfirm', { name: p.name })}
          marker={{ 'data-qadam-delete': true }}
          onConfirm={() => void deleteProfile(p.id)}
        />
      </div>
    </li>
  );
}

/** a date out of range (an imported 1e20) is shown empty, never thrown on */
const toDateInput = (at: number) => (inDateRange(at) ? new Date(at).toISOString().slice(0, 10) : '');
const fromDateInput = (s: string) => (s ? Date.parse(`${s}T12:00:00Z`) : NaN);
const DATE_MIN = new Date(MIN_DATE).toISOString().slice(0, 10);
const DATE_MAX = new Date(MAX_DATE - 86_400_000).toISOString().slice(0, 10);

function ProfileForm(props: {
  initial: Profile | null;
  taken: (identifier: string) => Profile | undefined;
  onSave: (p: Profile) => Promise<void>;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const init = props.initial;
  const [name, setName] = useState(init?.name ?? '');
  const [country, setCountry] = useState<Country>(init?.country ?? 'KZ');
  const [kind, setKind] = useState<ProfileKind>(init?.kind ?? 'legal');
  const [identifier, setIdentifier] = useState(init?.identifier ?? '');
  const [headId, setHeadId] = useState(init?.head?.id ?? '');
  const [headName, setHeadName] = useState(init?.head?.name ?? '');
  const [facts, setFacts] = useState<Partial<Record<FactPortal, string>>>(() =>
    Object.fromEntries(FACT_PORTALS.filter((x) => init?.facts[x]).map((x) => [x, toDateInput(init!.facts[x]!.at)])),
  );
  const [keysExpire, setKeysExpire] = useState(init?.keysExpire ?? '');
  const [tried, setTried] = useState(false);

  const expiry = keysExpire ? parseKeysExpire(keysExpire) : null;
  const expiryProblem = !!keysExpire && !expiry;
  const draft = makeProfile(
    { name, country, kind, identifier, head: { id: headId, name: headName }, ...(expiry ? { keysExpire: expiry } : {}) },
    init?.createdAt,
    init?.id,
  );
  const problems = profileProblems(draft);
  const idProblem = identifier ? problems.find((x) => x.field === 'identifier') : { key: 'required' };
  const headProblem = problems.find((x) => x.field === 'head');
  const dup = draft.identifier ? props.taken(draft.identifier) : undefined;
  const nameProblem = !name.trim();
  const ok = !idProblem && !headProblem && !dup && !nameProblem && !expiryProblem;
  const ruleText = (x: { key: string; params?: Record<string, string | number> }) => t(`rules.${x.key}`, x.params);
  const idKind = idKindOf(country, kind);

  return (
    <form
      className="profile-form"
      data-qadam-profile-form
      aria-labelledby="pf-h"
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (!ok) return;
        let p: Profile = { ...draft, facts: {} };
        let ps: Profiles = { list: [p], active: p.id };
        for (const x of FACT_PORTALS) {
          const at = fromDateInput(facts[x] ?? '');
          if (facts[x] !== undefined && inDateRange(at)) ps = setFact(ps, p.id, x, at, init?.facts[x]?.seen ?? false);
        }
        p = ps.list[0]!;
        void props.onSave(p);
      }}
    >
      <h3 id="pf-h">{init ? t('profiles.editTitle', { name: init.name }) : t('profiles.addTitle')}</h3>
      <label>
        <span>{t('profiles.name')}</span>
        <input
          name="name"
          value={name}
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={tried && nameProblem}
          aria-describedby="pf-name-err"
        />
      </label>
      {tried && nameProblem && (
        <p id="pf-name-err" className="err">
          {t('profiles.nameRequired')}
        </p>
      )}
      <div className="pair">
        <label>
          <span>{t('profiles.countryLabel')}</span>
          <select name="country" value={country} onChange={(e) => setCountry(e.target.value as Country)}>
            {COUNTRIES.map((c) => (
              <option key={c} value={c}>
                {t(`profiles.country.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('profiles.kindLabel')}</span>
          <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as ProfileKind)}>
            {PROFILE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`profiles.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label>
        <span>{t(`profiles.idKind.${idKind}`)}</span>
        <input
          name="identifier"
          inputMode="numeric"
          autoComplete="off"
          value={identifier}
          onChange={(e) => setIdentifier(e.target.value)}
          aria-invalid={(tried || identifier.length > 0) && (!!idProblem || !!dup)}
          aria-describedby="pf-id-help"
        />
      </label>
      <p id="pf-id-help" className={idProblem || dup ? 'err' : 'ok'} aria-live="polite">
        {identifier || tried
          ? dup
            ? t('profiles.duplicate', { name: dup.name })
            : idProblem
              ? idProblem.key === 'required'
                ? t('profiles.idRequired')
                : ruleText(idProblem)
              : describeId(t, country, kind, identifier, i18n.language)
          : t(`profiles.idHelp.${idKind}`)}
      </p>
      {kind !== 'individual' && (
        <fieldset>
          <legend>{t('profiles.headTitle')}</legend>
          <label>
            <span>{t('profiles.headName')}</span>
            <input name="head-name" value={headName} maxLength={200} onChange={(e) => setHeadName(e.target.value)} />
          </label>
          <label>
            <span>{t(`profiles.idKind.${headIdKind(country)}`)}</span>
            <input
              name="head-id"
              inputMode="numeric"
              autoComplete="off"
              value={headId}
              onChange={(e) => setHeadId(e.target.value)}
              aria-invalid={!!headProblem}
              aria-describedby="pf-head-help"
            />
          </label>
          <p id="pf-head-help" className={headProblem ? 'err' : 'hint'}>
            {headProblem ? ruleText(headProblem) : t('profiles.headHelp')}
          </p>
        </fieldset>
      )}
      <fieldset>
        <legend>{t('profiles.factsTitle')}</legend>
        {FACT_PORTALS.map((x) => (
          <div className="fact" key={x}>
            <label>
              <input
                type="checkbox"
                name={`fact-${x}`}
                checked={facts[x] !== undefined}
                onChange={(e) =>
                  setFacts((f) =>
                    e.target.checked
                      ? { ...f, [x]: toDateInput(Date.now()) }
                      : Object.fromEntries(Object.entries(f).filter(([k]) => k !== x)),
                  )
                }
              />{' '}
              {t('profiles.registeredThere', { portal: t(`ui.portalName.${x}`) })}
            </label>
            {facts[x] !== undefined && (
              <label>
                <span className="sr-only">{t('profiles.registeredDate', { portal: t(`ui.portalName.${x}`) })}</span>
                <input
                  type="date"
                  name={`fact-${x}-date`}
                  min={DATE_MIN}
                  max={DATE_MAX}
                  value={facts[x]}
                  onChange={(e) => setFacts((f) => ({ ...f, [x]: e.target.value }))}
                />
              </label>
            )}
          </div>
        ))}
      </fieldset>
      <label>
        <span>{t('profiles.keys.label')}</span>
        <input
          type="date"
          name="keys-expire"
          min={KEYS_MIN}
          max={KEYS_MAX}
          value={keysExpire}
          onChange={(e) => setKeysExpire(e.target.value)}
          aria-invalid={expiryProblem}
          aria-describedby="pf-keys-help"
        />
      </label>
      <p id="pf-keys-help" className={expiryProblem ? 'err' : 'hint'}>
        {expiryProblem ? t('profiles.keys.invalid', { min: KEYS_MIN.slice(0, 4), max: KEYS_MAX.slice(0, 4) }) : t('profiles.keys.help')}
      </p>
      <p className="hint">{t('profiles.neverSecrets')}</p>
      <div className="form-actions">
        <button type="submit" className="primary" data-qadam-save-profile>
          {t('profiles.save')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('profiles.cancel')}
        </button>
      </div>
    </form>
  );
}

async function download(): Promise<void> {
  const [ps, all] = await Promise.all([loadProfiles(), loadAllProgress()]);
  const blob = new Blob([JSON.stringify(exportData(ps, all), null, 2)], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `qadam-profiles-${new Date().toISOString().slice(0, 10)}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

function problemText(t: TFunction, p: Problem): string {
  const params = p.params ?? {};
  const isRule = /^(iin|bin|pinfl|tin)\./.test(p.key);
  const text = isRule ? t(`rules.${p.key}`, params) : t(`profiles.import.errors.${p.key}`, params);
  return p.row !== undefined ? t('profiles.import.row', { row: p.row, text }) : text;
}

/** check the whole file, then write it in one go, or change nothing and say why */
async function importFile(file: File, t: TFunction): Promise<{ ok: boolean; text: string }> {
  // a huge file is refused before it is read
  const r =
    file.size > MAX_IMPORT_BYTES
      ? {
          ok: false as const,
          problems: [{ key: 'tooBig', params: { size: (file.size / 1048576).toFixed(1), max: (MAX_IMPORT_BYTES / 1048576).toFixed(1) } }],
        }
      : await importBytes(file.name, await file.arrayBuffer());
  if (!r.ok) {
    const listed = r.problems.slice(0, MAX_LISTED).map((p) => problemText(t, p));
    const more = r.problems.length > MAX_LISTED ? ` ${t('profiles.import.more', { count: r.problems.length - MAX_LISTED })}` : '';
    return { ok: false, text: `${t('profiles.import.refused')} ${listed.join(' ')}${more}` };
  }
  return { ok: true, text: t('profiles.import.done', { count: r.added + r.updated, added: r.added, updated: r.updated }) };
}
