// Every path of an archive's layers, interned: a tree of names where each component is stored once
// and a path is a node number. Memory grows with the number of distinct names, not with the bytes
// of the full paths (a million files 2,000 directories deep cost a million short names, not a
// million 4,000-byte strings), and the replay compares numbers instead of strings.
//
// Names are kept as their raw bytes (a latin1 string, one char per byte): two names that differ
// only in bytes that are not valid UTF-8 stay two files. `pathOf` gives the display form: UTF-8
// decoded, with invalid bytes shown as `\xNN`.
import { AnalysisError } from './types';
import { IntList } from './intList';

const ascii = /^[\x00-\x7f]*$/;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when the byte there starts none. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  if (length <= 1 || i + length > bytes.length) return length <= 1 ? length : 0;
  try {
    strictUtf8.decode(bytes.subarray(i, i + length));
    return length;
  } catch {
    return 0;
  }
}

/** Raw name bytes (latin1 string) → display text: UTF-8 when valid, invalid bytes as `\xNN`. */
export function displayName(raw: string): string {
  if (ascii.test(raw)) return raw;
  const bytes = Buffer.from(raw, 'latin1');
  try {
    return strictUtf8.decode(bytes);
  } catch {
    let out = '';
    for (let i = 0; i < bytes.length;) {
      const length = sequenceLength(bytes, i);
      if (length === 0) { out += `\\x${bytes[i].toString(16).padStart(2, '0')}`; i++; continue; }
      out += bytes.subarray(i, i + length).toString('utf8');
      i += length;
    }
    return out;
  }
}

/** Bytes of directory names the parent cache may hold before it starts over. */
const dirCacheBytes = 8 * 1024 * 1024;

export class PathTrie {
  /** Parent of each node; the root (node 0, the path '') has -1. */
  private readonly parentList = new IntList();
  private readonly names: string[] = [''];
  private readonly children: (Map<string, number> | undefined)[] = [undefined];
  /** Display paths of directories, built on demand from the parent's (V8 shares the prefix: a rope, not a copy). */
  private readonly dirPaths = new Map<number, string>([[0, '']]);
  private nameBytes = 0;
  /** Recently seen parent directories (raw) → node: layers list a directory's files together, or alternate between a few. */
  private dirCache = new Map<string, number>();
  private dirCacheFill = 0;

  constructor(private readonly maxNameBytes: number) {
    this.parentList.push(-1);
  }

  get size(): number {
    return this.parentList.length;
  }

  /** Parent of each node, indexed by node (valid until the next node is added). */
  get parents(): Int32Array {
    return this.parentList.view();
  }

  /** The node of `name` under `parent`, created when absent. */
  child(parent: number, name: string): number {
    let map = this.children[parent];
    if (!map) { map = new Map(); this.children[parent] = map; }
    const found = map.get(name);
    if (found !== undefined) return found;
    this.nameBytes += name.length;
    if (this.nameBytes > this.maxNameBytes) {
      throw new AnalysisError('limit',
        `the layers' file names hold more than ${this.maxNameBytes} bytes of distinct names; the limit is ${this.maxNameBytes} — raise it with --max-name-bytes`);
    }
    const id = this.parentList.push(parent);
    this.names.push(name);
    this.children.push(undefined);
    map.set(name, id);
    return id;
  }

  /** The node of a normalised raw path ('' is the root), created with its parents when absent. */
  intern(path: string): number {
    if (path === '') return 0;
    const slash = path.lastIndexOf('/');
    if (slash < 0) return this.child(0, path);
    const dir = path.slice(0, slash);
    let parent = this.dirCache.get(dir);
    if (parent === undefined) {
      parent = 0;
      let start = 0;
      for (;;) {
        const next = dir.indexOf('/', start);
        parent = this.child(parent, next < 0 ? dir.slice(start) : dir.slice(start, next));
        if (next < 0) break;
        start = next + 1;
      }
      this.dirCacheFill += dir.length;
      if (this.dirCacheFill > dirCacheBytes) { this.dirCache = new Map(); this.dirCacheFill = dir.length; }
      this.dirCache.set(dir, parent);
    }
    return this.child(parent, path.slice(slash + 1));
  }

  /** Child nodes of `id` (every name ever seen under it, present in a given filesystem or not). */
  childIds(id: number): IterableIterator<number> | undefined {
    return this.children[id]?.values();
  }

  /** Display path of a node (`usr/bin/x`), cached. */
  pathOf(id: number): string {
    const cached = this.dirPaths.get(id);
    if (cached !== undefined) return cached;
    const parent = this.parentList.get(id);
    const name = displayName(this.names[id]);
    const path = parent === 0 ? name : `${this.pathOf(parent)}/${name}`;
    if (this.children[id]) this.dirPaths.set(id, path);
    return path;
  }
}
