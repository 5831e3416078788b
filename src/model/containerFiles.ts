// A directory of a container, as plain data, from either of the two ways we list one: the output
// of `ls -lnA` run in the container, or the headers of the archive the engine streams. Pure.
import type { PathKind } from './containerLayer';

export interface DirEntry {
  name: string;
  /** Absolute path inside the container. */
  path: string;
  kind: PathKind;
  /** Content bytes (files); for directories listed from an archive, the bytes of everything below. */
  size: number;
  /** Permission bits (0o755). */
  mode: number;
  linkTarget?: string;
}

export interface DirListing {
  dir: string;
  entries: DirEntry[];
  /** How it was listed: `exec` (ls in the running container) or `archive` (tar headers). */
  method: 'exec' | 'archive';
  /** Lines `ls` could not read (permission denied, …), shown as they are. */
  errors: string[];
  /** The archive listing stopped at its entry cap: entries may be missing. */
  truncated?: boolean;
}

export function joinPath(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir.replace(/\/+$/, '')}/${name}`;
}

export function parentDir(path: string): string {
  const cut = path.replace(/\/+$/, '').lastIndexOf('/');
  return cut <= 0 ? '/' : path.slice(0, cut);
}

export function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1) || '/';
}

const kindByLetter: Record<string, PathKind> = { '-': 'file', d: 'dir', l: 'symlink', c: 'device', b: 'device', p: 'pipe', s: 'socket' };

/** `rwxr-xr-x` (with s/S/t/T) → 0o755 plus setuid/setgid/sticky. */
export function modeFromLetters(perm: string): number {
  let mode = 0;
  for (let i = 0; i < 9; i++) {
    const c = perm[i];
    if (c !== '-' && c !== 'S' && c !== 'T') mode |= 1 << (8 - i);
  }
  if (/[sS]/.test(perm[2] ?? '')) mode |= 0o4000;
  if (/[sS]/.test(perm[5] ?? '')) mode |= 0o2000;
  if (/[tT]/.test(perm[8] ?? '')) mode |= 0o1000;
  return mode;
}

// GNU and busybox `ls -lnA` under LC_ALL=C: mode, links, uid, gid, size (or "major, minor"),
// three date fields, name (a symlink adds " -> target").
const longLine = /^([-dlcbps?])([-rwxsStT?]{9})\S*\s+\d+\s+\S+\s+\S+\s+(?:\d+,\s*\d+|(\d+))\s+\S+\s+\S+\s+\S+\s(.*)$/;

/** Parses `ls -lnA` output of `dir`; lines it cannot read are returned in `errors`. */
export function parseLsLong(dir: string, stdout: string): { entries: DirEntry[]; unparsed: string[] } {
  const entries: DirEntry[] = [];
  const unparsed: string[] = [];
  for (const line of stdout.split('\n')) {
    if (!line || /^total \d+/.test(line)) continue;
    const m = longLine.exec(line);
    if (!m) {
      unparsed.push(line);
      continue;
    }
    const kind = kindByLetter[m[1]] ?? 'other';
    let name = m[4];
    let linkTarget: string | undefined;
    if (kind === 'symlink') {
      const arrow = name.indexOf(' -> ');
      if (arrow >= 0) {
        linkTarget = name.slice(arrow + 4);
        name = name.slice(0, arrow);
      }
    }
    if (name === '.' || name === '..') continue;
    entries.push({ name, path: joinPath(dir, name), kind, size: kind === 'file' ? Number(m[3] ?? 0) : 0, mode: modeFromLetters(m[2]), linkTarget });
  }
  return { entries: sortEntries(entries), unparsed };
}

/** Directories first, then by name. */
export function sortEntries(entries: DirEntry[]): DirEntry[] {
  return entries.sort((a, b) => {
    const da = a.kind === 'dir' ? 0 : 1;
    const db = b.kind === 'dir' ? 0 : 1;
    if (da !== db) return da - db;
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
}

/** One tar header as tar-stream gives it. */
export interface TarHeaderLike {
  name: string;
  type?: string | null;
  size?: number | null;
  mode?: number | null;
  linkname?: string | null;
}

const kindByTarType: Record<string, PathKind> = {
  file: 'file', 'contiguous-file': 'file', directory: 'dir', symlink: 'symlink', link: 'file',
  'character-device': 'device', 'block-device': 'device', fifo: 'pipe',
};

/**
 * Collects the direct children of `dir` from the headers of `GET /archive?path=dir`. The archive
 * names entries after the directory's base name (`app/x`), or with a leading `/` for the root;
 * deeper entries only add their bytes to the child directory they are in.
 */
export class TarDirCollector {
  private readonly children = new Map<string, DirEntry>();
  private readonly deepBytes = new Map<string, number>();
  entriesSeen = 0;

  constructor(readonly dir: string) {}

  add(header: TarHeaderLike): void {
    this.entriesSeen++;
    const parts = header.name.replace(/^\/+/, '').split('/').filter(Boolean);
    // Everything but the root comes under one first component: the directory's own name.
    const rel = this.dir === '/' ? parts : parts.slice(1);
    if (rel.length === 0) return;
    const size = header.type === 'file' || header.type === 'contiguous-file' ? Number(header.size ?? 0) : 0;
    if (rel.length === 1) {
      const kind = kindByTarType[header.type ?? 'file'] ?? 'other';
      this.children.set(rel[0], {
        name: rel[0], path: joinPath(this.dir, rel[0]), kind, size, mode: Number(header.mode ?? 0) & 0o7777,
        linkTarget: kind === 'symlink' ? header.linkname ?? undefined : undefined,
      });
    } else {
      this.deepBytes.set(rel[0], (this.deepBytes.get(rel[0]) ?? 0) + size);
    }
  }

  entries(): DirEntry[] {
    const out = [...this.children.values()];
    for (const e of out) if (e.kind === 'dir') e.size = this.deepBytes.get(e.name) ?? 0;
    return sortEntries(out);
  }
}

/** A file's first bytes look like text: no NUL byte and valid UTF-8. */
export function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.length < bytes.length ? trimPartialUtf8(head) : head);
    return false;
  } catch {
    return true;
  }
}

/** Drops a UTF-8 sequence cut at the end of a slice. */
function trimPartialUtf8(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const b = bytes[end - i];
    if ((b & 0xc0) === 0x80) continue;
    if (b >= 0xc0) end -= i;
    break;
  }
  return bytes.subarray(0, end);
}
