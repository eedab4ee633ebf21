import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { Popup } from '../../components/Popup';
import { initI18n } from '../../lib/i18n';
import { browserLang } from '../../lib/progress';
import '../../components/popup.css';

initI18n(browserLang(browser.i18n.getUILanguage()));
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Popup />
  </StrictMode>,
);
