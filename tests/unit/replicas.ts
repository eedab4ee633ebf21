import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The replica pages of tests/fixtures/<portal>/ and their manifest (cases.json). */
export interface ReplicaCase {
  file: string;
  url: string;
  lang: string;
  shape: string;
  steps: string[];
  fields: Record<string, string[]>;
  browserOnly?: boolean;
  note?: string;
}

const ROOT = join(__dirname, '..', 'fixtures');

export function replicaCases(portal: string): ReplicaCase[] {
  return JSON.parse(readFileSync(join(ROOT, portal, 'cases.json'), 'utf8')) as ReplicaCase[];
}

/**
 * Parse a replica into a document of the test window (so instanceof checks hold) with its late
 * content (<template data-late>) put in place, as the page's own script does in a browser.
 */
export function loadReplica(portal: string, file: string): Document {
  const html = readFileSync(join(ROOT, portal, file), 'utf8');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const t of Array.from(doc.querySelectorAll('template[data-late]'))) {
    t.replaceWith((t as HTMLTemplateElement).content.cloneNode(true));
  }
  for (const s of Array.from(doc.querySelectorAll('script'))) s.remove();
  return doc;
}

export function whereOf(url: string) {
  const u = new URL(url);
  return { pathname: u.pathname, hash: u.hash };
}
