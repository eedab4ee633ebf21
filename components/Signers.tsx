import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkSigner, SIGNER_DOWNLOADS, SIGNER_NAMES, type SignerId, type SignerState } from '../lib/signers';

/**
 * On a step that signs with an EDS: is the signing program running? Checked when the step is shown
 * and when the user asks again, never on a timer.
 */
export function Signers({ signer }: { signer: SignerId }) {
  const { t } = useTranslation();
  const [round, setRound] = useState(0);
  // the answer belongs to one check (program + round): a new check shows «checking» until it answers
  const [answer, setAnswer] = useState<{ key: string; state: SignerState } | null>(null);
  const key = `${signer}/${round}`;
  useEffect(() => {
    let live = true;
    void checkSigner(signer).then((s) => live && setAnswer({ key: `${signer}/${round}`, state: s }));
    return () => {
      live = false;
    };
  }, [signer, round]);
  const state = answer?.key === key ? answer.state : null;
  const name = SIGNER_NAMES[signer];
  // KAZTOKEN's program answers on NCALayer's port: shown as itself
  const shown = state?.id ?? signer;
  return (
    <section className="signers" aria-labelledby="signers-h" aria-busy={!state}>
      <h3 id="signers-h">{t('ui.signerTitle')}</h3>
      <div className="signer" data-signer={shown} data-signer-state={state?.state ?? 'checking'} role="status">
        {!state && <p>{name}…</p>}
        {state?.state === 'running' && state.id !== 'kaztoken' && (
          <p className="ok">{t('ui.signerRunning', { name, version: state.version })}</p>
        )}
        {state?.state === 'running' && state.id === 'kaztoken' && (
          <>
            <p className="ok">{t('ui.signerRunning', { name: SIGNER_NAMES.kaztoken, version: state.version })}</p>
            <p>{t('ui.signerKaztoken')}</p>
          </>
        )}
        {state?.state === 'not-running' && (
          <p className="bad">
            {t('ui.signerNotRunning', { name })}{' '}
            <a href={SIGNER_DOWNLOADS[signer]} target="_blank" rel="noreferrer">
              {t('ui.signerInstall')}
            </a>
          </p>
        )}
        {state?.state === 'unknown' && <p className="unsure">{t('ui.signerUnknown', { name })}</p>}
        <button type="button" onClick={() => setRound((n) => n + 1)} disabled={!state}>
          {t('ui.signerCheck')}
        </button>
      </div>
    </section>
  );
}
