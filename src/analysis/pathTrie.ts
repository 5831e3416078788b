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
import { grow } from './intList';

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

/** Names are stored in chunks of this many bytes (a name never straddles two): the store grows without copying. */
const chunkBits = 20;
const chunkSize = 1 << chunkBits;
/** Slots of the parent cache (direct-mapped by the hash of the directory's path bytes). */
const dirCacheSlots = 1 << 14;
const SLASH = 0x2f;
const DOT = 0x2e;

/** Whether `bytes[start, end)` is '', '.' or '..' (a name a normalised path never holds). */
function isDotName(bytes: Uint8Array, start: number, end: number): boolean {
  const n = end - start;
  return n === 0 || (bytes[start] === DOT && (n === 1 || (n === 2 && bytes[start + 1] === DOT)));
}

const fnvOffset = 0x811c9dc5;
const fnvPrime = 0x01000193;

/** FNV-1a of the name `bytes[start, end)`. */
function hashName(bytes: Uint8Array, start: number, end: number): number {
  let hash = fnvOffset;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i], fnvPrime);
  return hash;
}

/** The table's key for a name under `parent`: the name's hash mixed with the parent (murmur3's finaliser). */
function nodeHash(parent: number, nameHash: number): number {
  let h = Math.imul(nameHash ^ Math.imul(parent, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

export class PathTrie {
  /**
   * Per node, one typed column each, all of one capacity (one growth check per new node): parent
   * (the root, node 0 = the path '', has -1); where its name is (chunk number << chunkBits | offset
   * in the chunk) and its length; its table hash; its children as a sibling list in the order seen.
   */
  private parentCol = new Int32Array(1024);
  private nameStarts = new Int32Array(1024);
  private nameLengths = new Int32Array(1024);
  private hashes = new Int32Array(1024);
  private firstChildren = new Int32Array(1024);
  private lastChildren = new Int32Array(1024);
  private nextSiblings = new Int32Array(1024);
  private count = 0;
  private parentsView = new Int32Array(0);
  /** Every distinct name's bytes, back to back in chunks. */
  private readonly chunks: Uint8Array[] = [];
  private chunkFill = chunkSize;
  private nameBytes = 0;
  /** Open addressing over (parent, name): node numbers, 0 = empty slot (the root is nobody's child). */
  private slots: Int32Array = new Int32Array(1 << 10);
  /** Display paths of directories, built on demand from the parent's (V8 shares the prefix: a rope, not a copy). */
  private readonly dirPaths = new Map<number, string>([[0, '']]);
  /**
   * Recently seen parent directories: hash of the directory's path bytes → node (+1; 0 = empty).
   * Layers list a directory's files together, or alternate between a few: one hash of the parent's
   * path and one comparison up the tree instead of a lookup per component.
   */
  private readonly dirHashes = new Int32Array(dirCacheSlots);
  private readonly dirNodes = new Int32Array(dirCacheSlots);
  /** What `readPath` found, for `internRead`. */
  private readonly read: { bytes: Uint8Array; start: number; end: number; slash: number; name: number; dir: number } = { bytes: new Uint8Array(0), start: 0, end: 0, slash: -1, name: 0, dir: 0 };
  /** Bytes of a string being interned (`intern`, `child`). */
  private scratch = new Uint8Array(256);

  constructor(private readonly maxNameBytes: number) {
    this.addNode(-1, 0, 0, 0);
  }

  get size(): number {
    return this.count;
  }

  /** Parent of each node, indexed by node (valid until the next node is added). */
  get parents(): Int32Array {
    if (this.parentsView.length !== this.count || this.parentsView.buffer !== this.parentCol.buffer) this.parentsView = this.parentCol.subarray(0, this.count);
    return this.parentsView;
  }

  private addNode(parent: number, start: number, length: number, hash: number): number {
    const id = this.count;
    if (id === this.parentCol.length) this.resize(2 * id);
    this.count++;
    this.parentCol[id] = parent;
    this.nameStarts[id] = start;
    this.nameLengths[id] = length;
    this.hashes[id] = hash;
    this.firstChildren[id] = -1;
    this.lastChildren[id] = -1;
    this.nextSiblings[id] = -1;
    if (parent >= 0) {
      const last = this.lastChildren[parent];
      if (last < 0) this.firstChildren[parent] = id; else this.nextSiblings[last] = id;
      this.lastChildren[parent] = id;
    }
    return id;
  }

  private resize(capacity: number): void {
    this.parentCol = grow(this.parentCol, capacity);
    this.nameStarts = grow(this.nameStarts, capacity);
    this.nameLengths = grow(this.nameLengths, capacity);
    this.hashes = grow(this.hashes, capacity);
    this.firstChildren = grow(this.firstChildren, capacity);
    this.lastChildren = grow(this.lastChildren, capacity);
    this.nextSiblings = grow(this.nextSiblings, capacity);
  }

  /** Whether node `id`'s name is `bytes[start, start + length)`. */
  private sameName(id: number, bytes: Uint8Array, start: number, length: number): boolean {
    if (this.nameLengths[id] !== length) return false;
    const at = this.nameStarts[id];
    const chunk = this.chunks[at >>> chunkBits];
    const offset = at & (chunkSize - 1);
    for (let i = 0; i < length; i++) if (chunk[offset + i] !== bytes[start + i]) return false;
    return true;
  }

  /** Copies a new name into the store; returns where it is (see `nameStarts`). */
  private store(bytes: Uint8Array, start: number, length: number): number {
    if (this.chunkFill + length > chunkSize || this.chunks.length === 0) {
      // A name longer than a chunk gets a chunk of its own (the next name starts a fresh one).
      this.chunks.push(new Uint8Array(Math.max(chunkSize, length)));
      this.chunkFill = 0;
    }
    const index = this.chunks.length - 1;
    const offset = this.chunkFill;
    const chunk = this.chunks[index];
    for (let i = 0; i < length; i++) chunk[offset + i] = bytes[start + i];
    this.chunkFill = length > chunkSize ? chunkSize : offset + length;
    this.nameBytes += length;
    return index * chunkSize + offset;
  }

  /** The node of the name `bytes[start, end)` under `parent`, created when absent (`nameHash`: its `hashName`, when the caller has it). */
  childOf(parent: number, bytes: Uint8Array, start: number, end: number, nameHash = hashName(bytes, start, end)): number {
    const length = end - start;
    const hash = nodeHash(parent, nameHash);
    const { parentCol, hashes } = this;
    let slots = this.slots;
    let mask = slots.length - 1;
    let slot = hash & mask;
    for (let id = slots[slot]; id !== 0; id = slots[slot]) {
      if (hashes[id] === hash && parentCol[id] === parent && this.sameName(id, bytes, start, length)) return id;
      slot = (slot + 1) & mask;
    }
    if (this.nameBytes + length > this.maxNameBytes) {
      throw new AnalysisError('limit',
        `the layers' file names hold more than ${this.maxNameBytes} bytes of distinct names; the limit is ${this.maxNameBytes} — raise it with --max-name-bytes`);
    }
    const id = this.addNode(parent, this.store(bytes, start, length), length, hash);
    if (2 * this.size > slots.length) {
      slots = this.rehash(slots.length * 2);
      mask = slots.length - 1;
      slot = hash & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
    }
    slots[slot] = id;
    return id;
  }

  /** The node of `name` (raw bytes as a latin1 string) under `parent`, created when absent. */
  child(parent: number, name: string): number {
    const length = this.toScratch(name);
    return this.childOf(parent, this.scratch, 0, length);
  }

  /** Puts a latin1 string's bytes in `scratch`; returns their count. Text past one byte per char (a caller passing display names) is kept as its UTF-8 bytes. */
  private toScratch(text: string): number {
    if (this.scratch.length < text.length) this.scratch = new Uint8Array(Math.max(text.length, 2 * this.scratch.length));
    const scratch = this.scratch;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c > 0xff) return this.toScratch(Buffer.from(text, 'utf8').toString('latin1'));
      scratch[i] = c;
    }
    return text.length;
  }

  private rehash(capacity: number): Int32Array {
    const slots = new Int32Array(capacity);
    const mask = capacity - 1;
    const hashes = this.hashes;
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
    if (/[^\x00-\xff]/.test(path)) {
      // Display text (tests, small callers): each name's own bytes, as `child` keeps them.
      let parent = 0;
      for (const name of path.split('/')) parent = this.child(parent, name);
      return parent;
    }
    const length = this.toScratch(path);
    return this.internBytes(this.scratch, 0, length);
  }

  /**
   * The node of the raw path `bytes[start, end)` ('' is the root), created with its parents when
   * absent. A normalised path (see `readPath`) takes one pass; any other is split on '/' as it is.
   */
  internBytes(bytes: Uint8Array, start: number, end: number): number {
    if (start === end) return 0;
    return this.readPath(bytes, start, end) >= 0 ? this.internRead() : this.walk(bytes, start, end);
  }

  /** The node of `bytes[start, end)` split on '/', one lookup per name from the root. */
  private walk(bytes: Uint8Array, start: number, end: number): number {
    let parent = 0;
    for (let from = start; ;) {
      let next = from;
      while (next < end && bytes[next] !== SLASH) next++;
      parent = this.childOf(parent, bytes, from, next);
      if (next >= end) return parent;
      from = next + 1;
    }
  }

  /**
   * Reads the raw path `bytes[start, end)` in one pass: whether it is normalised (not empty, no
   * empty, `.` or `..` name — so no slash at either end — and no NUL byte) and, if it is, its last
   * name's hash and its parent's path hash. Returns where its last name starts, -1 when it is not
   * normalised. `internRead` then gives its node (until the next `readPath`).
   */
  readPath(bytes: Uint8Array, start: number, end: number): number {
    let name = fnvOffset;
    let dir = 0;
    let slash = -1;
    let from = start;
    for (let i = start; i < end; i++) {
      const c = bytes[i];
      if (c === SLASH) {
        if (isDotName(bytes, from, i)) return -1;
        dir = Math.imul(dir ^ name, fnvPrime);
        name = fnvOffset;
        slash = i;
        from = i + 1;
      } else if (c === 0) {
        return -1;
      } else {
        name = Math.imul(name ^ c, fnvPrime);
      }
    }
    if (isDotName(bytes, from, end)) return -1;
    this.read.bytes = bytes;
    this.read.start = start;
    this.read.end = end;
    this.read.slash = slash;
    this.read.name = name;
    this.read.dir = dir;
    return from;
  }

  /** The node of the path `readPath` last read (normalised), created with its parents when absent. */
  internRead(): number {
    const { bytes, start, end, slash, name, dir } = this.read;
    if (slash < 0) return this.childOf(0, bytes, start, end, name);
    const cached = dir & (dirCacheSlots - 1);
    let parent = this.dirNodes[cached] - 1;
    if (parent < 0 || this.dirHashes[cached] !== dir || !this.isPath(parent, bytes, start, slash)) {
      parent = this.walk(bytes, start, slash);
      this.dirHashes[cached] = dir;
      this.dirNodes[cached] = parent + 1;
    }
    return this.childOf(parent, bytes, slash + 1, end, name);
  }

  /** Whether node `id`'s path (raw) is `bytes[start, end)`: compared name by name from the end, up the tree. */
  private isPath(id: number, bytes: Uint8Array, start: number, end: number): boolean {
    let node = id;
    let at = end;
    for (;;) {
      const length = this.nameLengths[node];
      if (at - length < start || !this.sameName(node, bytes, at - length, length)) return false;
      at -= length;
      node = this.parentCol[node];
      if (node === 0) return at === start;
      if (at === start || bytes[--at] !== SLASH) return false;
    }
  }

  /** First child of `id` (every name ever seen under it, present in a given filesystem or not), -1 when none; then `nextSibling`. */
  firstChild(id: number): number {
    return this.firstChildren[id];
  }

  nextSibling(id: number): number {
    return this.nextSiblings[id];
  }

  /** Raw name bytes of a node (latin1 string). */
  private rawName(id: number): string {
    const at = this.nameStarts[id];
    const chunk = this.chunks[at >>> chunkBits];
    const offset = at & (chunkSize - 1);
    return Buffer.from(chunk.buffer, chunk.byteOffset + offset, this.nameLengths[id]).toString('latin1');
  }

  /** Display name of a node (its last path component). */
  nameOf(id: number): string {
    return displayName(this.rawName(id));
  }

  /** Display path of a node (`usr/bin/x`); directories' cached. */
  pathOf(id: number): string {
    const cached = this.dirPaths.get(id);
    if (cached !== undefined) return cached;
    const parent = this.parentCol[id];
    const name = displayName(this.rawName(id));
    const path = parent === 0 ? name : `${this.pathOf(parent)}/${name}`;
    if (this.firstChildren[id] >= 0) this.dirPaths.set(id, path);
    return path;
  }
}
