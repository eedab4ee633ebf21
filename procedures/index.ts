import { ESF } from './esf';
import { SINGLE_WINDOW } from './singlewindow';
import { ONEID } from './oneid';
import { NCA } from './nca';
import { OOFD } from './oofd';
import type { PortalId, Procedure, Step } from './types';

export * from './types';
export { PORTALS, PORTAL_IDS, FACT_PORTALS, portalOfHost, portalById, contentScriptMatches } from './portals';

/** The catalogue, in catalogue order (the order of ../shared/spec/procedures.md). */
export const PROCEDURES: readonly Procedure[] = [...ESF, ...SINGLE_WINDOW, ...ONEID, ...NCA, ...OOFD];

/** guides people made (lib/guide-model.ts), registered where they were loaded; never a catalogue id */
let GUIDES: readonly Procedure[] = [];
export function setGuideProcedures(list: readonly Procedure[]): void {
  GUIDES = list.filter((g) => !PROCEDURES.some((p) => p.id === g.id));
}

export function procedureById(id: string | null | undefined): Procedure | undefined {
  return id ? (PROCEDURES.find((p) => p.id === id) ?? GUIDES.find((p) => p.id === id)) : undefined;
}

export function proceduresOfPortal(portal: PortalId): Procedure[] {
  return PROCEDURES.filter((p) => p.portal === portal);
}

export function stepOf(procedureId: string, stepId: string): Step | undefined {
  return procedureById(procedureId)?.steps.find((s) => s.id === stepId);
}
