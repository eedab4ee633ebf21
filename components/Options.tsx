import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { browser } from 'wxt/browser';
import type { Lang } from '../procedures/types';
import { LANGS } from '../procedures/types';
import { browserLang, loadSettings, settingsItem } from '../lib/progress';
import { changeLang } from '../lib/i18n';

/** Settings: the language, what Qadam keeps, and deleting it. */
export function Options() {
  const { t } = useTranslation();
  const [lang, setLang] = useState<Lang | null>(null);
  const [status, setStatus] = useState('');
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    void loadSettings().then((s) => setLang(s.lang ?? browserLang(browser.i18n.getUILanguage())));
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
          <select
            data-qadam-lang
            value={lang}
            onChange={(e) => {
              const l = e.target.value as Lang;
              setLang(l);
              void settingsItem.setValue({ lang: l });
            }}
          >
            {LANGS.map((l) => (
              <option key={l} value={l} lang={l}>
                {t(`ui.langName.${l}`)}
              </option>
            ))}
          </select>
        </label>
      </section>
      <section aria-labelledby="privacy-h">
        <h2 id="privacy-h">{t('options.privacyTitle')}</h2>
        <p>{t('options.privacyText')}</p>
        {confirming ? (
          <div role="alertdialog" aria-label={t('options.clear')}>
            <p>{t('options.clearConfirm')}</p>
            <button
              type="button"
              className="danger"
              autoFocus
              onClick={() => {
                void browser.storage.local.clear().then(() => {
                  setConfirming(false);
                  setStatus(t('options.cleared'));
                });
              }}
            >
              {t('options.clear')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('overlay.close')}
            </button>
          </div>
        ) : (
          <button type="button" data-qadam-clear onClick={() => setConfirming(true)}>
            {t('options.clear')}
          </button>
        )}
        <p role="status">{status}</p>
      </section>
    </main>
  );
}
