/**
 * The procedure catalogue as typed data. The engine (content-scripts/) and the popup
 * (components/) both read it; adding a procedure means adding data, not engine code.
 *
 * Ids are stable (see ../shared/spec/procedures.md): locale keys, tests and the popup use them.
 */

export type Lang = 'kk' | 'ru' | 'en' | 'uz';
export const LANGS: readonly Lang[] = ['kk', 'ru', 'en', 'uz'];

import type { FactPortal, PortalId } from './portals';

/** the portals' ids, derived from the one list of portals (./portals.ts) */
export type { PortalId, FactPortal };

/**
 * Words as they appear on a portal, in any of its languages. Matching is case-insensitive on
 * normalised text (ё→е, dashes and quotes unified, white space folded); a phrase matches when the
 * page text contains it as whole words (a trailing "*" makes it a stem: "повтор*" fits "повторите").
 */
export type Words = readonly string[];

export type RuleId =
  'iin' | 'bin' | 'iin-or-bin' | 'email' | 'pinfl' | 'passport-uz' | 'phone-kz' | 'phone-uz' | 'password-oneid' | 'login-oneid';

export type FieldKind =
  /** a text-like input, select or textarea, found by its label */
  | 'input'
  /** a button, link, tab or menu item, found by its caption */
  | 'action';

/**
 * Pressing this button hands over to the signing program (NCALayer, E-IMZO), which opens its own
 * window outside the page: which key the user must choose there for this step. `auth`: the
 * authentication key (NCALayer: file name `AUTH_RSA256…`), for logging in; `sign`: the signing
 * key (`RSA256…` or `GOSTKNCA…`), for signing. For a company both are the legal entity's.
 */
export interface Handover {
  key: 'auth' | 'sign';
}

export interface FieldDef {
  id: string;
  kind: FieldKind;
  /** label or caption words (any language of the portal) */
  labels: Words;
  /** words that, when present in the label, mean this is NOT the field (e.g. "repeat" for a password) */
  notLabels?: Words;
  /**
   * a choice (select, radio group, list of rows, custom select): the words of the option to pick
   * («Common For Head», the legal entity rather than the individual). The option, radio or row
   * that carries them is ringed and the hint names it; `labels` then name the question («Роль»).
   * A radio captioned with another choice never gets the field (`names` do not count for it).
   */
  choose?: Words;
  /** for inputs: the input types that fit, e.g. ['password'] */
  inputTypes?: readonly string[];
  /** name/id attribute tokens that fit (GWT/JSF ids are generated; names sometimes survive) */
  names?: readonly string[];
  rule?: RuleId;
  /** the value must equal the value of this other field of the same step */
  sameAs?: string;
  /** the hint is a warning the user must not miss (wrong password = a lost day) */
  important?: boolean;
  /** present on the page only in some variants; not finding it is not reported as a problem */
  optional?: boolean;
  /**
   * the field shows whose registration this page is (a read-only BIN, the legal entity chosen):
   * the identifiers in its value or chosen option are compared, in the page, with the active
   * profile's (the wrong-company guard); nothing of it is kept
   */
  subject?: boolean;
  /** read by Qadam only: never ringed, never reported missing (implies optional) */
  silent?: boolean;
  /**
   * the hint names the enterprise of the same head registered first on this portal, from the
   * profiles (locale key `…fields.<id>.first` with {{name}} and {{date}})
   */
  firstRegistered?: FactPortal;
  /** pressing it opens the signing program's window: the hand-over card says which key */
  handover?: Handover;
}

/** A test on the page: the URL and the visible text. All parts given must hold. */
export interface PageMatch {
  /** regular expression sources tested against location.pathname (case-insensitive) */
  path?: readonly string[];
  /** regular expression sources tested against the normalised route of the hash (`#!/x` → `/x`) */
  hash?: readonly string[];
  /** hash routes that must NOT be there (e.g. the login page but not its #!/reset-password) */
  notHash?: readonly string[];
  /** every group must be present in the visible text (each group: any of its words) */
  text?: readonly Words[];
  /** none of these may be present */
  notText?: Words;
  /** these fields of the step must be found on the page (visible) */
  fields?: readonly string[];
}

export interface PageStep {
  id: string;
  kind: 'page';
  /** one test, or alternatives of which any may hold (the same page in different shapes) */
  match: PageMatch | readonly PageMatch[];
  fields: readonly FieldDef[];
  /** the page shows this when the step is finished (the next stage appeared) */
  done?: PageMatch;
  /** a warning shown with the step in the popup and over the page */
  warning?: boolean;
  /** the step signs with an EDS: the popup checks the procedure's signing program */
  signature?: boolean;
  /**
   * a button of this page that hands over to the signing program without being one of its fields
   * (not ringed): pressing a button or link whose caption fits `labels` shows the hand-over card
   */
  handover?: Handover & { labels: Words };
  /**
   * where this page's URL and captions come from: a seed (`seed:000`), an official guide's URL, a
   * public automation script or issue; `inferred:` + why, where nothing public shows the page
   */
  source?: readonly string[];
}

export interface ManualStep {
  id: string;
  kind: 'manual';
  /** an official link that helps with the step */
  link?: string;
}

export type Step = PageStep | ManualStep;

export interface Procedure {
  /** `<portal>.<name>` */
  id: string;
  portal: PortalId;
  steps: readonly Step[];
  /** procedures to finish first (shown in the popup) */
  requires?: readonly string[];
  /**
   * whose registration the procedure makes (a legal entity, an IE): with nothing followed, a page
   * that is a step of several procedures is taken as the one whose kind the page shows (a BIN or
   * an IIN in its subject field) or the active profile has
   */
  subjectKind?: 'individual' | 'ie' | 'legal';
  /** the signing program its EDS steps need */
  signer?: 'ncalayer' | 'e-imzo';
  /**
   * the procedure registers the active profile on a portal: once `step` is done Qadam marks the
   * profile registered there (with the date); when it already is, the procedure's steps up to
   * `step` warn (`already-registered`, locale key `procedures.<id>.registered`)
   */
  registers?: { portal: FactPortal; step: string };
}

/** a portal as the catalogue writes it (procedures/portals.ts); `Portal` is one with its id known */
export interface PortalDef {
  id: string;
  /** host names, each exactly (no wildcard: a subdomain is a portal only when named) */
  hosts: readonly string[];
  /** the portal's own languages, the first is its default */
  langs: readonly Lang[];
  /** the address a user starts from */
  home: string;
  /** the signing program its procedures use unless one says otherwise (`Procedure.signer`; procedures/messages.ts) */
  signer: 'ncalayer' | 'e-imzo';
  /**
   * a company or person registers an account there: a profile records the date (`facts`), a
   * procedure may `register` on it, a field may name the `firstRegistered` enterprise there
   */
  registration: boolean;
}

export interface Portal extends PortalDef {
  id: PortalId;
}
