import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Popup } from '../../components/Popup';
import { initI18n } from '../../lib/i18n';
import { uiLang } from '../../lib/language';
import '../../components/popup.css';

// the browser's language until the setting and the policy are read
initI18n(uiLang(null, null));
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Popup />
  </StrictMode>,
);
