import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { browser } from 'wxt/browser';
import { hostProblem, originOf } from '../lib/guide-host';

/**
 * «Allow Qadam on <host>» beside a guide that names another government site (lib/guide-host.ts):
 * the browser asks the user for that one origin on this click (`permissions.request` needs the
 * click), then the background registers the portal script there (lib/guide-hosts-bg.ts). Once
 * allowed, it says so. Nothing is asked for at install.
 */
export function GuideHostAccess({ host }: { host: string }) {
  const { t } = useTranslation();
  const [allowed, setAllowed] = useState<boolean | null>(null);
  const valid = hostProblem(host) === null;
  useEffect(() => {
    if (!valid) return;
    void browser.permissions
      .contains({ origins: [originOf(host)] })
      .then(setAllowed)
      .catch(() => setAllowed(false));
  }, [host, valid]);
  if (!valid || allowed === null) return null;
  if (allowed) {
    return (
      <span className="host-allowed" data-qadam-host-allowed={host}>
        {t('guides.hostAllowed', { host })}
      </span>
    );
  }
  const allow = () => {
    // asked in the click itself (the browser shows its prompt only for a user's gesture)
    void browser.permissions
      .request({ origins: [originOf(host)] })
      .then(async (ok) => {
        if (ok) await browser.runtime.sendMessage({ type: 'qadam:guide-hosts' }).catch(() => null);
        setAllowed(ok);
      })
      .catch(() => setAllowed(false));
  };
  return (
    <button type="button" data-qadam-allow-host={host} onClick={allow}>
      {t('guides.allowHost', { host })}
    </button>
  );
}
