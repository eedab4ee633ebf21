import { robustnessSuite } from './robustness';

robustnessSuite('wrappers', ['extra wrappers ×2', 'extra wrappers ×3', 'extra wrappers ×4']);
