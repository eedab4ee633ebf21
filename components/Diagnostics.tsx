import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { browser } from 'wxt/browser';
import type { PopupState } from './store';
import { usePopup } from './store';

/**
 * «Copy diagnostics» for support: the version, the browser, the language, the policy, and what the
 * active tab's page was recognised as with which fields were found. Never a value typed into a
 * portal, never a profile's name or number (only whether one is active). The texts of portal
 * messages the catalogue does not know come masked from the page (typed values, numbers, e-mails).
 */
export function diagnosticsText(s: Pick<PopupState, 'tab' | 'lang' | 'profiles' | 'managed' | 'progress'>, now = new Date()): string {
  const m = browser.runtime.getManifest();
  const tab = s.tab;
  const lines = [
    `Qadam ${m.version} (manifest v${m.manifest_version})`,
    `Browser: ${navigator.userAgent}`,
    `Interface language: ${s.lang}`,

    `Policy: language=${s.managed.language ?? '-'}, portals=${s.managed.portals?.join(',') ?? 'all'}, ` +
      `preset profiles=${s.managed.profiles.length}`,
    `Profiles: ${s.profiles.list.length}, active: ${s.profiles.active ? 'yes' : 'no'}`,
    `Followed procedure: ${s.progress.active ?? '-'}`,
    tab
      ? `Page: portal=${tab.portal}, procedure=${tab.procedure ?? '-'}, step=${tab.step ?? '-'}`
      : 'Page: not a portal page Qadam runs on',
    ...(tab?.fields.length
      ? [
          'Fields:',
          ...tab.fields.map(
            (f) =>
              `  ${f.id}: ` +
              (f.found ? 'found' : 'NOT FOUND') +
              (f.found ? (f.valid ? ', rule ok or empty' : ', rule fails') : '') +
              (f.optional ? ' (optional)' : ''),
          ),
        ]
      : []),
    // portal messages Qadam does not explain yet (masked and bounded by the page), so support can add them
    ...(tab?.messages?.length
      ? ['Portal messages not in the catalogue:', ...tab.messages.slice(0, 5).map((m) => `  «${m.slice(0, 200)}»`)]
      : []),
    `Time: ${now.toISOString()}`,
  ];
  return lines.join('\n');
}

export function Diagnostics() {
  const s = usePopup();
  const { t } = useTranslation();
  const [status, setStatus] = useState('');
  const [manual, setManual] = useState<string | null>(null);
  const copy = async () => {
    const text = diagnosticsText(s);
    try {
      await navigator.clipboard.writeText(text);
      setStatus(t('diagnostics.copied'));
      setManual(null);
    } catch {
      setStatus(t('diagnostics.copyByHand'));
      setManual(text);
    }
  };
  return (
    <div className="diagnostics">
      <button type="button" data-qadam-diagnostics onClick={() => void copy()}>
        {t('diagnostics.copy')}
      </button>
      <span role="status" className="diag-status">
        {status}
      </span>
      {manual !== null && (
        <textarea readOnly value={manual} aria-label={t('diagnostics.copy')} rows={8} onFocus={(e) => e.currentTarget.select()} />
      )}
    </div>
  );
}
