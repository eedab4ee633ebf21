import { useDeferredValue, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { browser } from 'wxt/browser';
import { matchesQuery, sortProfiles, type Profile } from '../lib/profiles';
import { idKindOf } from '../lib/identifiers';
import { usePopup } from './store';

/** how many matches the list shows at once (type more to narrow: hundreds of profiles stay fast) */
const SHOWN = 30;

/** «BIN 190540028173» for a profile, in the user's language */
export function useIdLabel() {
  const { t } = useTranslation();
  return (p: Pick<Profile, 'country' | 'kind' | 'identifier'>) => `${t(`profiles.idKind.${idKindOf(p.country, p.kind)}`)} ${p.identifier}`;
}

/**
 * The active profile (the company or person the steps are for) and a combobox to switch: type a
 * name or part of an identifier, arrows to move, Enter to choose, Escape to close.
 */
export function ProfileSwitcher() {
  const s = usePopup();
  const { t, i18n } = useTranslation();
  const idLabel = useIdLabel();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [cursor, setCursor] = useState(0);
  const listId = useId();
  const deferred = useDeferredValue(query);
  const { list, active } = s.profiles;
  const me = list.find((p) => p.id === active) ?? null;
  const ident = me ? idLabel(me) : '';

  const sorted = useMemo(() => sortProfiles(list, 'name', i18n.language), [list, i18n.language]);
  const matches = useMemo(() => sorted.filter((p) => matchesQuery(p, deferred)), [sorted, deferred]);
  const shown = matches.slice(0, SHOWN);

  if (!list.length) {
    return (
      <section className="profile empty-profile" aria-label={t('profiles.title')}>
        <p>{t('profiles.noneYet')}</p>
        <button type="button" data-qadam-add-profile onClick={() => void browser.runtime.openOptionsPage()}>
          {t('profiles.addFirst')}
        </button>
      </section>
    );
  }

  const choose = (p: Profile | undefined) => {
    if (!p) return;
    setOpen(false);
    setQuery('');
    if (p.id !== active) void s.setActive(p.id);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      const n = shown.length;
      if (n) setCursor((c) => (e.key === 'ArrowDown' ? (c + 1) % n : (c - 1 + n) % n));
    } else if (e.key === 'Enter' && open) {
      e.preventDefault();
      choose(shown[Math.min(cursor, shown.length - 1)]);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
    }
  };
  const optionId = (p: Profile) => `${listId}-${p.id}`;

  return (
    <section className="profile" aria-label={t('profiles.title')}>
      {me && (
        <p className="active-profile" data-active-profile={me.id}>
          <span className="for">{t('profiles.workingFor')}</span> <strong>{me.name}</strong> <span className="ident">{ident}</span>{' '}
          <button type="button" className="link" data-qadam-manage-profiles onClick={() => void browser.runtime.openOptionsPage()}>
            {t('profiles.manage')}
          </button>
        </p>
      )}
      {list.length > 1 && (
        <div className="switcher">
          <label htmlFor={`${listId}-input`} className="sr-only">
            {t('profiles.switch')}
          </label>
          <input
            id={`${listId}-input`}
            data-qadam-profile-filter
            type="search"
            role="combobox"
            aria-expanded={open}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={open && shown[cursor] ? optionId(shown[cursor]) : undefined}
            placeholder={t('profiles.switchPlaceholder', { count: list.length })}
            value={query}
            autoComplete="off"
            onChange={(e) => {
              setQuery(e.target.value);
              setCursor(0);
              setOpen(true);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => setTimeout(() => setOpen(false), 150)}
            onKeyDown={onKey}
          />
          {open && (
            <ul id={listId} role="listbox" className="profile-list" aria-label={t('profiles.switch')}>
              {shown.map((p, i) => (
                <li
                  key={p.id}
                  id={optionId(p)}
                  role="option"
                  data-profile-option={p.id}
                  aria-selected={i === cursor}
                  data-active={p.id === active ? 'true' : undefined}
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => choose(p)}
                >
                  <span className="name">{p.name}</span> <span className="ident">{idLabel(p)}</span>
                </li>
              ))}
            </ul>
          )}
          {open && !shown.length && <p className="none">{t('profiles.noMatch')}</p>}
          {open && matches.length > SHOWN && <p className="more">{t('profiles.more', { count: matches.length - SHOWN })}</p>}
        </div>
      )}
    </section>
  );
}
