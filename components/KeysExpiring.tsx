import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPIRY_WINDOW_DAYS, expiringKeys } from '../lib/keys-expiry';
import { formatDate } from '../lib/dates';
import type { Profile } from '../lib/profiles';
import { useIdLabel } from './ProfileSwitcher';

/**
 * The companies whose signing keys expire within 30 days or have expired, soonest first, each
 * with a one-click start of the key renewal (`nca.reissue-eds`) for that profile. Used by the
 * popup and the options page; nothing shown when no keys are due. Contract markers:
 * `data-keys-expiring="<profile id>"` and `data-days-left="<n>"` (negative once expired).
 */
export function KeysExpiring({ list, onRenew, today }: { list: readonly Profile[]; onRenew: (profileId: string) => void; today?: Date }) {
  const { t, i18n } = useTranslation();
  const idLabel = useIdLabel();
  const now = today ?? new Date();
  const day = now.toDateString();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- recomputed per calendar day, not per render
  const due = useMemo(() => expiringKeys(list, now), [list, day]);
  if (!due.length) return null;
  return (
    <section className="keys-expiring" aria-labelledby="keys-expiring-h" data-qadam-keys-expiring>
      <h2 id="keys-expiring-h">{t('profiles.keys.title', { count: due.length })}</h2>
      <p className="keys-lead">{t('profiles.keys.lead', { days: EXPIRY_WINDOW_DAYS })}</p>
      <ul>
        {due.map(({ profile: p, days }) => (
          <li key={p.id} data-keys-expiring={p.id} data-days-left={days} data-expired={days < 0 ? 'true' : undefined}>
            <div className="keys-who">
              <strong>{p.name}</strong> <span className="mono">{idLabel(p)}</span>
              <span className="keys-when">
                {formatDate(p.keysExpire!, i18n.language)} ·{' '}
                {days < 0
                  ? t('profiles.keys.expired', { count: -days })
                  : days === 0
                    ? t('profiles.keys.today')
                    : t('profiles.keys.left', { count: days })}
              </span>
            </div>
            <button
              type="button"
              data-qadam-renew={p.id}
              aria-label={t('profiles.keys.renewFor', { name: p.name })}
              onClick={() => onRenew(p.id)}
            >
              {t('profiles.keys.renew')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
