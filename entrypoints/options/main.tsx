import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { Options } from '../../components/Options';
import { initI18n } from '../../lib/i18n';
import { browserLang } from '../../lib/progress';
import '../../components/options.css';

initI18n(browserLang(browser.i18n.getUILanguage()));
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Options />
  </StrictMode>,
);
