/**
 * A Vite plugin for `wxt build`: the `note` of each replica case (replicas/<portal>/cases.json, what
 * the page shows and why, for people) is never read at run time; the training sandbox, which
 * bundles the cases to choose its pages, is built without them. Vitest does not use this plugin.
 */
const FILE = /[\\/]replicas[\\/][^\\/]+[\\/]cases\.json$/;

export function stripReplicaNotes(json: string): string {
  const cases = JSON.parse(json) as Record<string, unknown>[];
  return JSON.stringify(Array.isArray(cases) ? cases.map(({ note: _note, ...rest }) => rest) : cases);
}

type Transform = (code: string, id: string) => { code: string; map: null } | null;

export function stripReplicaNotesPlugin(): { name: string; enforce: 'pre'; transform: Transform } {
  return {
    name: 'qadam-strip-replica-notes',
    enforce: 'pre' as const,
    transform(code: string, id: string) {
      if (!FILE.test(id.split('?')[0] ?? id)) return null;
      return { code: stripReplicaNotes(code), map: null };
    },
  };
}
