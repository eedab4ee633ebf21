import { PORTALS } from '../procedures/portals';
import type { PortalId } from '../procedures/types';
import { parseCases, type ReplicaCase } from './schema';

export type { ReplicaCase } from './schema';

/**
 * Every portal's replica cases (replicas/<portal>/cases.json), checked by the one schema
 * (./schema.ts), for code the bundler builds (the training sandbox). A portal without a folder has
 * none; a folder that is no portal fails here (and in the unit test that checks every cases.json).
 * Node code (tests, bench, scripts) reads them with ./files.ts.
 */
const FILES = import.meta.glob<unknown>('./*/cases.json', { eager: true, import: 'default' });

function collect(): Record<PortalId, ReplicaCase[]> {
  const out = Object.fromEntries(PORTALS.map((p) => [p.id, [] as ReplicaCase[]])) as Record<PortalId, ReplicaCase[]>;
  for (const [path, json] of Object.entries(FILES)) {
    const portal = path.split('/')[1]!;
    out[portal as PortalId] = parseCases(portal, json);
  }
  return out;
}

export const REPLICA_CASES: Readonly<Record<PortalId, readonly ReplicaCase[]>> = collect();
