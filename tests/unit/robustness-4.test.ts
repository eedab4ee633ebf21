import { robustnessSuite } from './robustness';

robustnessSuite('hints and serialisation', ['inflected hint beside the label', 'hint glued to the label', 'no white space between tags']);
