import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { browser } from 'wxt/browser';
import type { Lang } from '../procedures/types';
import { browserLang, loadSettings, settingsItem } from '../lib/progress';
import { changeLang } from '../lib/i18n';
import { readManaged } from '../lib/managed';
import { ConfirmButton, LanguageSelect } from './shared';
import { ProfilesSection } from './Profiles';

/** Settings: the language, what Qadam keeps, and deleting it. */
export function Options() {
  const { t } = useTranslation();
  const [lang, setLang] = useState<Lang | null>(null);
  const [status, setStatus] = useState('');
  useEffect(() => {
    void Promise.all([loadSettings(), readManaged()]).then(([s, m]) => setLang(s.lang ?? m.language ?? browserLang(browser.i18n.getUILanguage())));
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
