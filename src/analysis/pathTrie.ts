// Every path of an archive's layers, interned: a tree of names where each component is stored once
// and a path is a node number. Memory grows with the number of distinct names, not with the bytes
// of the full paths (a million files 2,000 directories deep cost a million short names, not a
// million 4,000-byte strings), and the replay compares numbers instead of strings. The tree is
// typed arrays, not objects: names in one byte buffer, a hash table of (parent, name) → node,
// children as sibling lists (~36 bytes a node plus its name's bytes; no string or Map per name).
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
  private readonly nameStarts = new IntList();
  private readonly nameLengths = new IntList();
  private readonly hashes = new IntList();
  private readonly firstChildren = new IntList();
  private readonly lastChildren = new IntList();
  private readonly nextSiblings = new IntList();
  /** Every distinct name's bytes, back to back. */
  private names = Buffer.alloc(1 << 16);
  private nameBytes = 0;
  /** Open addressing over (parent, name): node numbers, 0 = empty slot (the root is nobody's child). */
  private slots: Int32Array = new Int32Array(1 << 10);
  /** Display paths of directories, built on demand from the parent's (V8 shares the prefix: a rope, not a copy). */
  private readonly dirPaths = new Map<number, string>([[0, '']]);
  /** Recently seen parent directories (raw) → node: layers list a directory's files together, or alternate between a few. */
  private dirCache = new Map<string, number>();
  private dirCacheFill = 0;

  constructor(private readonly maxNameBytes: number) {
    this.addNode(-1, 0, 0, 0);
  }

  get size(): number {
    return this.parentList.length;
  }

  /** Parent of each node, indexed by node (valid until the next node is added). */
  get parents(): Int32Array {
    return this.parentList.view();
  }

  private addNode(parent: number, start: number, length: number, hash: number): number {
    const id = this.parentList.push(parent);
    this.nameStarts.push(start);
    this.nameLengths.push(length);
    this.hashes.push(hash);
    this.firstChildren.push(-1);
    this.lastChildren.push(-1);
    this.nextSiblings.push(-1);
    if (parent >= 0) {
      const last = this.lastChildren.get(parent);
      if (last < 0) this.firstChildren.set(parent, id); else this.nextSiblings.set(last, id);
      this.lastChildren.set(parent, id);
    }
    return id;
  }

  /** Whether node `id`'s name is the `length` bytes at `at` of the names buffer. */
  private sameName(id: number, at: number, length: number): boolean {
    if (this.nameLengths.get(id) !== length) return false;
    const start = this.nameStarts.get(id);
    const names = this.names;
    for (let i = 0; i < length; i++) if (names[start + i] !== names[at + i]) return false;
    return true;
  }

  /** The node of `name` under `parent`, created when absent. */
  child(parent: number, name: string): number {
    const length = name.length;
    if (this.nameBytes + length > this.names.length) {
      const grown = Buffer.alloc(Math.max(this.names.length * 2, this.nameBytes + length));
      this.names.copy(grown, 0, 0, this.nameBytes);
      this.names = grown;
    }
    // One pass: the name's bytes go after the last name (kept only if it is new) while they are
    // hashed (FNV-1a over the parent and the bytes; names are latin1 strings, a char per byte).
    const names = this.names;
    const at = this.nameBytes;
    let hash = Math.imul(parent ^ 0x811c9dc5, 0x01000193);
    for (let i = 0; i < length; i++) {
      const c = name.charCodeAt(i);
      // Past one byte: text from a caller passing display names, kept as its UTF-8 bytes.
      if (c > 0xff) return this.child(parent, Buffer.from(name, 'utf8').toString('latin1'));
      names[at + i] = c;
      hash = Math.imul(hash ^ c, 0x01000193);
    }
    const { parentList, hashes } = this;
    let slots = this.slots;
    let mask = slots.length - 1;
    let slot = hash & mask;
    for (let id = slots[slot]; id !== 0; id = slots[slot]) {
      if (hashes.get(id) === hash && parentList.get(id) === parent && this.sameName(id, at, length)) return id;
      slot = (slot + 1) & mask;
    }
    if (at + length > this.maxNameBytes) {
      throw new AnalysisError('limit',
        `the layers' file names hold more than ${this.maxNameBytes} bytes of distinct names; the limit is ${this.maxNameBytes} — raise it with --max-name-bytes`);
    }
    const id = this.addNode(parent, at, length, hash);
    this.nameBytes += length;
    if (2 * this.size > slots.length) {
      slots = this.rehash(slots.length * 2);
      mask = slots.length - 1;
      slot = hash & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
    }
    slots[slot] = id;
    return id;
  }

  private rehash(capacity: number): Int32Array {
    const slots = new Int32Array(capacity);
    const mask = capacity - 1;
    const hashes = this.hashes.view();
    // The newest node is placed by the caller.
    for (let id = 1; id < this.size - 1; id++) {
      let slot = hashes[id] & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id;
    }
    this.slots = slots;
    return slots;
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

  /** First child of `id` (every name ever seen under it, present in a given filesystem or not), -1 when none; then `nextSibling`. */
  firstChild(id: number): number {
    return this.firstChildren.get(id);
  }

  nextSibling(id: number): number {
    return this.nextSiblings.get(id);
  }

  /** Raw name bytes of a node (latin1 string). */
  private rawName(id: number): string {
    const start = this.nameStarts.get(id);
    return this.names.toString('latin1', start, start + this.nameLengths.get(id));
  }

  /** Display name of a node (its last path component). */
  nameOf(id: number): string {
    return displayName(this.rawName(id));
  }

  /** Display path of a node (`usr/bin/x`); directories' cached. */
  pathOf(id: number): string {
    const cached = this.dirPaths.get(id);
    if (cached !== undefined) return cached;
    const parent = this.parentList.get(id);
    const name = displayName(this.rawName(id));
    const path = parent === 0 ? name : `${this.pathOf(parent)}/${name}`;
    if (this.firstChildren.get(id) >= 0) this.dirPaths.set(id, path);
    return path;
  }
}
