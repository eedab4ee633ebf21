import { robustnessSuite } from './robustness';

robustnessSuite('ids and labels', ['regenerated ids', 'labels moved above', 'label only as placeholder', 'label only as aria-label']);
