import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../procedures/types';
import { LANGS } from '../procedures/types';

/** The language picker of the popup and the options page (each language named in itself). */
export function LanguageSelect({ value, onChange }: { value: Lang; onChange: (l: Lang) => void }) {
  const { t } = useTranslation();
  return (
    <select data-qadam-lang value={value} onChange={(e) => onChange(e.target.value as Lang)} aria-label={t('ui.language')}>
      {LANGS.map((l) => (
        <option key={l} value={l} lang={l}>
          {t(`ui.langName.${l}`)}
        </option>
      ))}
    </select>
  );
}

/** A destructive button that asks first; the confirmation gets the focus, «close» cancels. */
export function ConfirmButton(props: { label: string; question: string; onConfirm: () => void; marker: Record<string, string | boolean> }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  let body: ReactNode;
  if (asking) {
    body = (
      <div className="confirm" role="alertdialog" aria-label={props.label}>
        <p>{props.question}</p>
        <button
          type="button"
          className="danger"
          autoFocus
          onClick={() => {
            setAsking(false);
            props.onConfirm();
          }}
        >
          {props.label}
        </button>
        <button type="button" onClick={() => setAsking(false)}>
          {t('overlay.close')}
        </button>
      </div>
    );
  } else {
    body = (
      <button type="button" {...props.marker} onClick={() => setAsking(true)}>
        {props.label}
      </button>
    );
  }
  return body;
}
