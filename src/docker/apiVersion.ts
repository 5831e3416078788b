// The Engine API versions this adapter speaks and how one is chosen: min(the engine's, ours). Apart
// from transport.ts so the quick first lists (quickList.ts) negotiate the same way without dockerode.

/** Highest Engine API version whose responses this adapter understands. */
export const MAX_API_VERSION = '1.53';
/** Lowest we try; older engines are long out of support. */
export const MIN_API_VERSION = '1.24';

/** The version to speak with an engine whose `/version` says `ApiVersion`. */
export function chooseApiVersion(engineApiVersion: unknown): string {
  return minVersion(String(engineApiVersion || MIN_API_VERSION), MAX_API_VERSION);
}

export function minVersion(a: string, b: string): string {
  return compareVersions(a, b) <= 0 ? a : b;
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] || 0) - (pb[i] || 0);
    if (d) return d;
  }
  return 0;
}
