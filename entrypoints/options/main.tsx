import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Options } from '../../components/Options';
import { initI18n } from '../../lib/i18n';
import { uiLang } from '../../lib/language';
import '../../components/options.css';

// the browser's language until the setting and the policy are read
initI18n(uiLang(null, null));
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Options />
  </StrictMode>,
);
