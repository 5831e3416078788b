// A container's own writable layer as plain data: what it changed against its image
// (`GET /containers/{id}/changes`), as a tree with sizes where the engine gave them. Pure.

/** How a container changed a path against its image (the API's Kind 0, 1, 2). */
export type PathChangeKind = 'modified' | 'added' | 'deleted';

export interface PathChange {
  /** Absolute path inside the container, e.g. `/app/new.txt`. */
  path: string;
  kind: PathChangeKind;
}

/** Sizes of a container: its writable layer and the whole filesystem it sees. */
export interface ContainerSize {
  /** Bytes written to the container's own layer (`SizeRw`). */
  sizeRw: number;
  /** The image's bytes plus the writable layer (`SizeRootFs`, the container's virtual size). */
  sizeRootFs: number;
}

/** What a path is, as the archive stat header (`X-Docker-Container-Path-Stat`) or a listing says. */
export type PathKind = 'file' | 'dir' | 'symlink' | 'device' | 'pipe' | 'socket' | 'other';

export interface PathStat {
  name: string;
  kind: PathKind;
  size: number;
  /** Permission bits (0o755). */
  mode: number;
  /** RFC 3339 modification time ('' when unknown). */
  mtime: string;
  linkTarget?: string;
}

export interface ChangeNode {
  name: string;
  /** Absolute path. */
  path: string;
  /** undefined: a directory only shown because something below it changed. */
  kind?: PathChangeKind;
  /** Bytes of the path now (files: content; dirs: the changed files below); undefined when not known. */
  size?: number;
  /** Stat of the path now (absent for deleted paths and when not asked). */
  stat?: PathStat;
  children: ChangeNode[];
}

export interface ChangeCounts { added: number; modified: number; deleted: number }

/** `[{Path, Kind}]` from the engine; unknown kinds are dropped rather than guessed. */
export function mapChanges(raw: unknown): PathChange[] {
  if (!Array.isArray(raw)) return [];
  const kinds: Record<number, PathChangeKind> = { 0: 'modified', 1: 'added', 2: 'deleted' };
  const out: PathChange[] = [];
  for (const c of raw as { Path?: unknown; Kind?: unknown }[]) {
    const kind = kinds[Number(c?.Kind)];
    if (kind && typeof c.Path === 'string' && c.Path.startsWith('/')) out.push({ path: c.Path, kind });
  }
  return out;
}

export function countChanges(changes: PathChange[]): ChangeCounts {
  const counts: ChangeCounts = { added: 0, modified: 0, deleted: 0 };
  for (const c of changes) counts[c.kind]++;
  return counts;
}

/**
 * The changes as a tree under `/`, sorted by name. Sizes come from `stats` (by path); a directory's
 * size is the sum of the file sizes below it that are known.
 */
export function changesTree(changes: PathChange[], stats: ReadonlyMap<string, PathStat> = new Map()): ChangeNode {
  const root: ChangeNode = { name: '/', path: '/', children: [] };
  const byPath = new Map<string, ChangeNode>([['/', root]]);
  const nodeAt = (path: string): ChangeNode => {
    let node = byPath.get(path);
    if (node) return node;
    const cut = path.lastIndexOf('/');
    const parent = nodeAt(cut <= 0 ? '/' : path.slice(0, cut));
    node = { name: path.slice(cut + 1), path, children: [] };
    parent.children.push(node);
    byPath.set(path, node);
    return node;
  };
  for (const c of changes) {
    const node = nodeAt(c.path.replace(/\/+$/, '') || '/');
    node.kind = c.kind;
    const stat = c.kind === 'deleted' ? undefined : stats.get(c.path);
    if (stat) node.stat = stat;
  }
  const finish = (node: ChangeNode): number | undefined => {
    node.children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    let sum: number | undefined;
    for (const child of node.children) {
      const s = finish(child);
      if (s !== undefined) sum = (sum ?? 0) + s;
    }
    if (node.stat && node.stat.kind !== 'dir') node.size = node.stat.size;
    else if (node.children.length) node.size = sum;
    return node.kind === 'deleted' ? undefined : node.size;
  };
  finish(root);
  return root;
}

/** Paths whose size is worth a stat: added or modified, not deleted. Parents first, capped. */
export function pathsToStat(changes: PathChange[], limit: number): string[] {
  return changes.filter((c) => c.kind !== 'deleted').slice(0, Math.max(0, limit)).map((c) => c.path);
}

// Go's os.FileMode type bits, as the daemon encodes them in the stat header.
const modeDir = 2 ** 31;
const modeSymlink = 2 ** 27;
const modeDevice = 2 ** 26;
const modePipe = 2 ** 25;
const modeSocket = 2 ** 24;
const modeCharDevice = 2 ** 21;
const modeIrregular = 2 ** 19;

export function kindFromGoMode(mode: number): PathKind {
  const has = (bit: number) => Math.floor(mode / bit) % 2 === 1;
  if (has(modeDir)) return 'dir';
  if (has(modeSymlink)) return 'symlink';
  if (has(modeDevice) || has(modeCharDevice)) return 'device';
  if (has(modePipe)) return 'pipe';
  if (has(modeSocket)) return 'socket';
  if (has(modeIrregular)) return 'other';
  return 'file';
}

/** Decodes the base64 JSON of `X-Docker-Container-Path-Stat`. */
export function parsePathStat(header: string | undefined): PathStat | undefined {
  if (!header) return undefined;
  try {
    const raw = JSON.parse(Buffer.from(header, 'base64').toString('utf8')) as { name?: string; size?: number; mode?: number; mtime?: string; linkTarget?: string };
    const mode = Number(raw.mode ?? 0);
    return {
      name: String(raw.name ?? ''),
      kind: kindFromGoMode(mode),
      size: Number(raw.size ?? 0),
      mode: mode % 0o1000,
      mtime: String(raw.mtime ?? ''),
      linkTarget: raw.linkTarget ? String(raw.linkTarget) : undefined,
    };
  } catch {
    return undefined;
  }
}
