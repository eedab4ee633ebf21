import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { browser } from 'wxt/browser';
import type { Lang } from '../procedures/types';
import { settingsItem } from '../lib/progress';
import { changeLang } from '../lib/i18n';
import { pageLang } from '../lib/page-lang';
import { ConfirmButton, LanguageSelect } from './shared';
import { ProfilesSection } from './Profiles';
import { PROCEDURES } from '../procedures';
import { GuidesSection } from './Guides';

/** Settings: the language, what Qadam keeps, and deleting it. */
export function Options() {
  const { t } = useTranslation();
  const [lang, setLang] = useState<Lang | null>(null);
  const [status, setStatus] = useState('');
  useEffect(() => {
    let first: Lang | null = null;
    // the mirror may be missing or old: the fresh policy's language, unless the user chose one meanwhile
    void pageLang((fresh) => setLang((cur) => (cur === first ? fresh : cur))).then((l) => {
      first = l;
      setLang(l);
    });
  }, []);
  useEffect(() => {
    if (lang) void changeLang(lang);
  }, [lang]);
  if (!lang) return <main className="options" aria-busy="true" />;
  return (
    <main className="options">
      <h1>{t('options.title')}</h1>
      <section>
        <label className="row">
          <span>{t('ui.language')}</span>
          <LanguageSelect
            value={lang}
            onChange={(l) => {
              setLang(l);
              void settingsItem.setValue({ lang: l });
            }}
          />
        </label>
      </section>
      <ProfilesSection />
      <GuidesSection />
      <Training lang={lang} />
      <section aria-labelledby="privacy-h">
        <h2 id="privacy-h">{t('options.privacyTitle')}</h2>
        <p>{t('options.privacyText')}</p>
        <ConfirmButton
          label={t('options.clear')}
          question={t('options.clearConfirm')}
          marker={{ 'data-qadam-clear': true }}
          onConfirm={() => void browser.storage.local.clear().then(() => setStatus(t('options.cleared')))}
        />
        <p role="status">{status}</p>
      </section>
    </main>
  );
}

/** Trainer mode: the sandbox, presenter mode and the printable handout of any procedure */
function Training({ lang }: { lang: Lang }) {
  const { t } = useTranslation();
  const [proc, setProc] = useState(PROCEDURES[0]!.id);
  const first = PROCEDURES.find((p) => p.id === proc)!.steps[0]!.id;
  return (
    <section aria-labelledby="training-h">
      <h2 id="training-h">{t('sandbox.open')}</h2>
      <p>{t('sandbox.lead')}</p>
      <label className="row">
        <span>{t('ui.procedure')}</span>
        <select data-qadam-training-procedure value={proc} onChange={(e) => setProc(e.target.value)}>
          {PROCEDURES.map((p) => (
            <option key={p.id} value={p.id}>
              {t(`ui.portalName.${p.portal}`)} — {t(`procedures.${p.id}.title`)}
            </option>
          ))}
        </select>
      </label>
      <p className="links">
        <a href={`/sandbox.html?lang=${lang}#/${proc}/${first}`} target="_blank" rel="noreferrer" data-qadam-open-sandbox>
          {t('sandbox.open')}
        </a>
        <a href={`/sandbox.html?lang=${lang}&presenter=1#/${proc}/${first}`} target="_blank" rel="noreferrer">
          {t('sandbox.presenterOn')}
        </a>
        <a href={`/handout.html?lang=${lang}#/${proc}`} target="_blank" rel="noreferrer" data-qadam-open-handout>
          {t('sandbox.handout')}
        </a>
      </p>
    </section>
  );
}
