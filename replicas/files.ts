import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCases, type ReplicaCase } from './schema';

/**
 * The replica pages on disk, for Node: the unit tests, the browser tests' server and harness, the
 * bench and the demo. replicas/<portal>/ holds a portal's pages and their cases.json (./schema.ts).
 * Pages only the tests use (a page that throws, a renamed variant) are in tests/fixtures/<portal>/.
 */
export const REPLICAS_DIR = dirname(fileURLToPath(import.meta.url));

export function replicaDir(portal: string): string {
  return join(REPLICAS_DIR, portal);
}

/** the portal folders (each named by a portal id) */
export function replicaPortals(): string[] {
  return readdirSync(REPLICAS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(REPLICAS_DIR, d.name, 'cases.json')))
    .map((d) => d.name)
    .sort();
}

/** a portal's cases, checked by the schema; [] for a portal without replicas */
export function readCases(portal: string): ReplicaCase[] {
  const file = join(replicaDir(portal), 'cases.json');
  if (!existsSync(file)) return [];
  return parseCases(portal, JSON.parse(readFileSync(file, 'utf8')));
}

/** the HTML files of a portal's folder */
export function replicaFiles(portal: string): string[] {
  return readdirSync(replicaDir(portal)).filter((f) => f.endsWith('.html')).sort();
}

export function readReplica(portal: string, file: string): string {
  return readFileSync(join(replicaDir(portal), file), 'utf8');
}
