import { robustnessSuite } from './robustness';

robustnessSuite('text', ['upper case + doubled spaces', 'unrelated text', 'names removed', 'punctuation']);
