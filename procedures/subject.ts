import type { FieldDef } from './types';

/**
 * The read-only field of a registration form that shows whose registration it is (the BIN of the
 * legal entity, the IIN of the IE): never ringed, read in the page for the wrong-company guard.
 */
export const subjectIdField: FieldDef = {
  id: 'subject-id',
  kind: 'input',
  labels: ['БИН', 'БСН', 'ИИН', 'ЖСН', 'ИИН/БИН', 'ЖСН/БСН', 'BIN', 'IIN', 'IIN/BIN'],
  notLabels: ['руководител*', 'басшы*', 'head*', 'директор*', 'director*'],
  inputTypes: ['text'],
  subject: true,
  silent: true,
  optional: true,
};
