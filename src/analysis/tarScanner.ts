// A header-only tar reader for layer tars: it walks the 512-byte blocks of a stream, reports each
// entry's header and skips the file data without copying it. A layer of 100,000 files costs
// 100,000 small header objects, not 100,000 streams (tar-stream still reads the outer archive).
// Formats: ustar/POSIX (with prefix), GNU (long names `L`/`K`, base-256 numbers, sparse `S` with
// extension blocks), PAX (`x`/`g` records: path, linkpath, size, uid, gid; GNU sparse 0.x and 1.0).
// Names are raw bytes (see pathTrie.ts for why), handed over as bytes: a header block whole in the
// chunk is read where it lies, and the name is never decoded to a string on the way to the trie
// (`headerOf` decodes, for callers that keep headers).

/** One entry as the scanner reports it: the same object each time, valid only during the callback. */
export interface TarEntry {
  /** Raw name bytes: `name[0, nameLength)`. */
  name: Uint8Array;
  nameLength: number;
  /** Raw link target bytes: `link[0, linkLength)`. */
  link: Uint8Array;
  linkLength: number;
  /** '0' file, '1' hard link, '2' symlink, '3'/'4' devices, '5' dir, '6' fifo, '7' contiguous file, others. */
  typeflag: string;
  mode: number;
  uid: number;
  gid: number;
  /** Bytes of data the entry holds in the tar (for a sparse file: the stored chunks). */
  size: number;
  /** Apparent size of a sparse file (its holes included); -1 for other entries. */
  sparseSize: number;
}

/** An entry with its names decoded, to keep past the callback. */
export interface TarHeader {
  /** Raw name bytes as a latin1 string (one char per byte). */
  name: string;
  typeflag: string;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  /** Raw link target bytes as a latin1 string. */
  linkname: string;
  /** Apparent size of a sparse file (its holes included); absent for other entries. */
  sparseSize?: number;
}

/** Thrown for input that is not, or no longer, a tar; `kind` says which. */
export class TarFormatError extends Error {
  constructor(readonly kind: 'notTar' | 'truncated' | 'limit', message: string) {
    super(message);
  }
}

const BLOCK = 512;
const maxMetaBytes = 1024 * 1024;

/** `bytes[start, end)` as a latin1 string (one char per byte). */
export function latin1(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');
}

/** The entry with its names decoded (a copy that outlives the callback). */
export function headerOf(entry: TarEntry): TarHeader {
  const header: TarHeader = {
    name: latin1(entry.name, 0, entry.nameLength), typeflag: entry.typeflag, mode: entry.mode, uid: entry.uid, gid: entry.gid,
    size: entry.size, linkname: latin1(entry.link, 0, entry.linkLength),
  };
  if (entry.sparseSize >= 0) header.sparseSize = entry.sparseSize;
  return header;
}

/** Length of the NUL-terminated field at `start` (at most `length` bytes). */
function fieldLength(block: Uint8Array, start: number, length: number): number {
  let end = start;
  const limit = start + length;
  while (end < limit && block[end] !== 0) end++;
  return end - start;
}

function number(block: Uint8Array, start: number, length: number): number {
  if (block[start] & 0x80) {
    // GNU base-256: big-endian, first byte's high bit is the marker.
    let value = block[start] & 0x7f;
    for (let i = start + 1; i < start + length; i++) value = value * 256 + block[i];
    return value;
  }
  let value = 0;
  let i = start;
  const end = start + length;
  while (i < end && (block[i] === 0x20 || block[i] === 0)) i++;
  for (; i < end; i++) {
    const c = block[i];
    if (c < 0x30 || c > 0x37) break;
    value = value * 8 + (c - 0x30);
  }
  return value;
}

/**
 * The header's checksum: the sum of its bytes, the checksum field counted as spaces. `words`, when
 * given, views the same memory as 32-bit words (`block` and `at` 4-aligned): four bytes per step,
 * summed in 16-bit lanes (128 words add at most 128 × 255 to a lane, and 128 × 0x00ff00ff fits in an int32).
 */
function checksumOk(block: Uint8Array, at: number, words: Uint32Array | undefined): boolean {
  let sum = 0;
  if (words) {
    let even = 0;
    let odd = 0;
    for (let w = (block.byteOffset + at) >>> 2, end = w + BLOCK / 4; w < end; w++) {
      const word = words[w];
      even += word & 0x00ff00ff;
      odd += (word >>> 8) & 0x00ff00ff;
    }
    sum = (even & 0xffff) + (even >>> 16) + (odd & 0xffff) + (odd >>> 16);
  } else {
    for (let i = at; i < at + BLOCK; i++) sum += block[i];
  }
  for (let i = at + 148; i < at + 156; i++) sum -= block[i];
  return sum + 8 * 0x20 === number(block, at + 148, 8);
}

function isZero(block: Uint8Array, at: number): boolean {
  for (let i = at; i < at + BLOCK; i++) if (block[i] !== 0) return false;
  return true;
}

/** Calls `visit` with each record of PAX data `data[0, length)`: its key, and where its value is. */
function paxRecords(data: Uint8Array, length: number, visit: (key: string, start: number, end: number) => void): void {
  let offset = 0;
  while (offset < length) {
    let space = offset;
    while (space < length && data[space] !== 0x20) space++;
    const size = Number(latin1(data, offset, space));
    if (!Number.isInteger(size) || size <= 0 || offset + size > length) break;
    const recordEnd = Math.max(space + 1, offset + size - 1); // the record ends with a newline
    let eq = space + 1;
    while (eq < recordEnd && data[eq] !== 0x3d) eq++;
    if (eq > space + 1 && eq < recordEnd) visit(latin1(data, space + 1, eq), eq + 1, recordEnd);
    offset += size;
  }
}

/** A growable byte buffer holding one name (or one metadata record) at a time. */
class Bytes {
  data = new Uint8Array(256);
  length = 0;

  reserve(size: number): Uint8Array {
    if (this.data.length < size) this.data = new Uint8Array(Math.max(size, 2 * this.data.length));
    return this.data;
  }

  /** Sets the content to `source[start, start + length)`. */
  copyFrom(source: Uint8Array, start: number, length: number): void {
    const data = this.reserve(length);
    for (let i = 0; i < length; i++) data[i] = source[start + i];
    this.length = length;
  }

  /** Sets the content to a latin1 string's bytes. */
  setText(text: string): void {
    const data = this.reserve(text.length);
    for (let i = 0; i < text.length; i++) data[i] = text.charCodeAt(i);
    this.length = text.length;
  }
}

/**
 * Where an entry's name, or its link target, comes from: a GNU long record (`L`/`K`) over the
 * entry's PAX record (`path`/`linkpath`) over a global PAX record over the header's own field.
 * One per field; `data[0, length)` is the pick, valid during the entry's callback.
 */
class NameLadder {
  /** The GNU long record's bytes, when `hasLong`. */
  readonly long = new Bytes();
  hasLong = false;
  /** The value's place in the pending PAX record's bytes; -1 when it has none. */
  paxStart = -1;
  paxEnd = -1;
  /** The header's field or the global PAX value, copied. */
  readonly own = new Bytes();
  data = this.own.data;
  length = 0;

  /** Picks from the records; false when none names the field, and the header's must be read into `own`. */
  pick(pax: Bytes, global: string | undefined): boolean {
    if (this.hasLong) {
      this.data = this.long.data;
      this.length = this.long.length;
    } else if (this.paxStart >= 0) {
      this.data = pax.data.subarray(this.paxStart);
      this.length = this.paxEnd - this.paxStart;
    } else if (global !== undefined) {
      this.own.setText(global);
      this.useOwn();
    } else {
      return false;
    }
    return true;
  }

  useOwn(): void {
    this.data = this.own.data;
    this.length = this.own.length;
  }

  /** The records apply to one entry. */
  reset(): void {
    this.hasLong = false;
    this.paxStart = -1;
  }
}

export class TarScanner {
  /** Bytes of a header block that straddles two chunks, gathered until whole. */
  private readonly block = new Uint8Array(BLOCK);
  private readonly blockWords = new Uint32Array(this.block.buffer);
  private blockFill = 0;
  /** Data bytes (plus padding) still to skip or to collect for a metadata entry. */
  private remaining = 0;
  /** The metadata entry being collected (`L`, `K`, `x`, `g`), into `metaBytes`, up to `metaSize` bytes. */
  private metaType = '';
  private metaBytes?: Bytes;
  private metaSize = 0;
  private readonly name = new NameLadder();
  private readonly link = new NameLadder();
  /** The pending `x` record's bytes; its path and linkpath are kept as bytes (in the ladders), the rest as text. */
  private readonly paxBytes = new Bytes();
  private readonly globalPaxBytes = new Bytes();
  private pax?: Record<string, string>;
  private globalPax: Record<string, string> = {};
  private hasGlobalPax = false;
  private readonly entry: TarEntry = {
    name: this.name.data, nameLength: 0, link: this.link.data, linkLength: 0,
    typeflag: '0', mode: 0, uid: 0, gid: 0, size: 0, sparseSize: -1,
  };
  private ended = false;
  private entries = 0;
  /** A GNU `S` header announced extension blocks of its sparse map; the data follows them. */
  private sparseExtension?: number;
  /** A PAX 1.0 sparse file: its data starts with the map as decimal lines, read before the entry is reported. */
  private sparseMap?: { entry: TarEntry; numbers: number[]; digits: string; consumed: number };

  constructor(private readonly onEntry: (entry: TarEntry) => void) {}

  push(chunk: Uint8Array): void {
    let offset = 0;
    // 32-bit words over the chunk's memory, for the checksums of the header blocks read where they lie.
    const words = (chunk.byteOffset & 3) === 0 ? new Uint32Array(chunk.buffer, 0, chunk.buffer.byteLength >>> 2) : undefined;
    while (offset < chunk.length) {
      if (this.ended) return; // whatever follows the end-of-archive marker is padding
      if (this.remaining > 0) {
        let take = Math.min(this.remaining, chunk.length - offset);
        if (this.sparseMap) take = this.readSparseMap(chunk, offset, take);
        const meta = this.metaBytes;
        if (meta) {
          const room = Math.min(take, this.metaSize - meta.length);
          const data = meta.data;
          for (let i = 0; i < room; i++) data[meta.length + i] = chunk[offset + i];
          if (room > 0) meta.length += room;
        }
        this.remaining -= take;
        offset += take;
        if (this.remaining === 0 && meta) this.finishMeta();
        continue;
      }
      if (this.blockFill === 0 && chunk.length - offset >= BLOCK) {
        // The usual case: the whole header block is in this chunk; read it where it lies.
        this.header(chunk, offset, (offset & 3) === 0 ? words : undefined);
        offset += BLOCK;
        continue;
      }
      const take = Math.min(BLOCK - this.blockFill, chunk.length - offset);
      this.block.set(chunk.subarray(offset, offset + take), this.blockFill);
      this.blockFill += take;
      offset += take;
      if (this.blockFill === BLOCK) {
        this.blockFill = 0;
        this.header(this.block, 0, this.blockWords);
      }
    }
  }

  /**
   * Call at the end of the stream: throws when the tar ends inside an entry; returns false when
   * every entry is complete but the end-of-archive blocks are missing (GNU tar and Go read such
   * tars too: the caller warns), true for a clean end.
   */
  end(totalBytes: number): boolean {
    if (totalBytes === 0) return true; // an empty blob: an empty layer
    const pending = this.metaBytes || this.pax || this.name.hasLong || this.link.hasLong || this.sparseMap || this.sparseExtension !== undefined;
    if (this.remaining > 0 || this.blockFill > 0 || pending) {
      throw new TarFormatError('truncated', 'the layer tar ends in the middle of an entry (truncated archive)');
    }
    return this.ended;
  }

  get entryCount(): number {
    return this.entries;
  }

  /** Reads the header block at `b[at, at + 512)`. */
  private header(b: Uint8Array, at: number, words: Uint32Array | undefined): void {
    if (this.sparseExtension !== undefined) {
      // 21 more (offset, size) pairs; byte 504 says whether another extension block follows.
      if (b[at + 504] === 0) { this.remaining = this.sparseExtension; this.sparseExtension = undefined; }
      return;
    }
    if (isZero(b, at)) { this.ended = true; return; }
    if (!checksumOk(b, at, words)) {
      throw new TarFormatError('notTar', this.entries === 0
        ? 'not a tar archive (bad header checksum)'
        : `corrupt tar header after ${this.entries} entries (bad checksum)`);
    }
    const typeflag = b[at + 156] === 0 ? '0' : String.fromCharCode(b[at + 156]);
    const size = number(b, at + 124, 12);
    const padded = Math.ceil(size / BLOCK) * BLOCK;
    if (typeflag === 'L' || typeflag === 'K' || typeflag === 'x' || typeflag === 'g') {
      if (size > maxMetaBytes) throw new TarFormatError('limit', `a tar metadata record of ${size} bytes is larger than the ${maxMetaBytes} allowed`);
      const meta = typeflag === 'L' ? this.name.long : typeflag === 'K' ? this.link.long : typeflag === 'x' ? this.paxBytes : this.globalPaxBytes;
      meta.reserve(size);
      meta.length = 0;
      this.metaType = typeflag;
      this.metaBytes = meta;
      this.metaSize = size;
      this.remaining = padded;
      if (padded === 0) this.finishMeta();
      return;
    }
    const entry = this.entry;
    this.setNames(b, at);
    let entrySize = size;
    let uid = number(b, at + 108, 8);
    let gid = number(b, at + 116, 8);
    const pax = this.pax ? (this.hasGlobalPax ? { ...this.globalPax, ...this.pax } : this.pax) : this.globalPax;
    if (pax.size !== undefined && /^\d+$/.test(pax.size)) entrySize = Number(pax.size);
    if (pax.uid !== undefined && /^\d+$/.test(pax.uid)) uid = Number(pax.uid);
    if (pax.gid !== undefined && /^\d+$/.test(pax.gid)) gid = Number(pax.gid);
    this.name.reset();
    this.link.reset();
    this.pax = undefined;
    const dirByName = typeflag === '0' && entry.nameLength > 0 && entry.name[entry.nameLength - 1] === 0x2f;
    this.entries++;
    entry.typeflag = dirByName ? '5' : typeflag;
    entry.mode = number(b, at + 100, 8);
    entry.uid = uid;
    entry.gid = gid;
    entry.size = entrySize;
    entry.sparseSize = -1;
    // Only regular files (and unknown types, per POSIX) carry data; links, dirs and devices do not.
    const hasData = typeflag === '0' || typeflag === '7' || !'123456'.includes(typeflag);
    this.remaining = hasData ? Math.ceil(entrySize / BLOCK) * BLOCK : 0;
    if (typeflag === 'S') {
      // GNU sparse: the apparent size is at 483; the data holds only the stored chunks.
      entry.sparseSize = number(b, at + 483, 12);
      if (b[at + 482] !== 0) { this.sparseExtension = this.remaining; this.remaining = 0; }
    } else if (pax['GNU.sparse.major'] === '1' && pax['GNU.sparse.name'] !== undefined) {
      // PAX sparse 1.0: the real name and size are records; the map heads the data (the entry is reported after it: a copy).
      const name = latin1(entry.name, 0, entry.nameLength);
      const kept: TarEntry = { ...entry, name: Uint8Array.from(Buffer.from(pax['GNU.sparse.name'], 'latin1')), link: entry.link.slice(0, entry.linkLength) };
      kept.nameLength = kept.name.length;
      kept.sparseSize = Number(pax['GNU.sparse.realsize'] ?? 0);
      this.sparseMap = { entry: kept, numbers: [], digits: '', consumed: 0 };
      if (this.remaining === 0) throw new TarFormatError('notTar', `sparse file ${name} has no sparse map`);
      return;
    } else if (pax['GNU.sparse.size'] !== undefined || pax['GNU.sparse.realsize'] !== undefined) {
      // PAX sparse 0.x: the map is in the records, the data holds only the stored chunks.
      if (pax['GNU.sparse.name'] !== undefined) {
        this.name.own.setText(pax['GNU.sparse.name']);
        entry.name = this.name.own.data;
        entry.nameLength = this.name.own.length;
      }
      entry.sparseSize = Number(pax['GNU.sparse.realsize'] ?? pax['GNU.sparse.size']);
    }
    this.onEntry(entry);
  }

  /** Points the entry's name and link at their bytes (see NameLadder); the header's name may have a ustar prefix. */
  private setNames(b: Uint8Array, at: number): void {
    const { entry, name, link } = this;
    if (!name.pick(this.paxBytes, this.globalPax.path)) {
      const ustar = b[at + 257] === 0x75 && b[at + 258] === 0x73 && b[at + 259] === 0x74 && b[at + 260] === 0x61 && b[at + 261] === 0x72 && b[at + 262] === 0;
      const nameLength = fieldLength(b, at, 100);
      if (ustar && b[at + 345] !== 0) {
        const prefixLength = fieldLength(b, at + 345, 155);
        const data = name.own.reserve(prefixLength + 1 + nameLength);
        for (let i = 0; i < prefixLength; i++) data[i] = b[at + 345 + i];
        data[prefixLength] = 0x2f;
        for (let i = 0; i < nameLength; i++) data[prefixLength + 1 + i] = b[at + i];
        name.own.length = prefixLength + 1 + nameLength;
      } else {
        name.own.copyFrom(b, at, nameLength);
      }
      name.useOwn();
    }
    if (!link.pick(this.paxBytes, this.globalPax.linkpath)) {
      link.own.copyFrom(b, at + 157, fieldLength(b, at + 157, 100));
      link.useOwn();
    }
    entry.name = name.data;
    entry.nameLength = name.length;
    entry.link = link.data;
    entry.linkLength = link.length;
  }

  /** Reads the decimal sparse map at the start of a PAX 1.0 sparse file's data; returns how many of `take` bytes it used. */
  private readSparseMap(chunk: Uint8Array, offset: number, take: number): number {
    const map = this.sparseMap!;
    const name = (): string => latin1(map.entry.name, 0, map.entry.nameLength);
    let i = 0;
    for (; i < take; i++) {
      const c = chunk[offset + i];
      if (c === 0x0a) {
        map.numbers.push(Number(map.digits));
        map.digits = '';
        const count = map.numbers[0];
        if (!Number.isSafeInteger(count) || count > maxMetaBytes / 4) throw new TarFormatError('limit', `sparse map of ${name()} is too large`);
        if (map.numbers.length === 1 + 2 * count) { i++; break; }
      } else if (c >= 0x30 && c <= 0x39 && map.digits.length < 20) {
        map.digits += String.fromCharCode(c);
      } else {
        throw new TarFormatError('notTar', `sparse map of ${name()} is not a list of numbers`);
      }
    }
    map.consumed += i;
    const count = map.numbers[0];
    if (count !== undefined && map.numbers.length === 1 + 2 * count) {
      this.sparseMap = undefined;
      let stored = 0;
      for (let k = 2; k < map.numbers.length; k += 2) stored += map.numbers[k];
      map.entry.size = stored;
      this.onEntry(map.entry);
    }
    return i;
  }

  private finishMeta(): void {
    const type = this.metaType;
    const meta = this.metaBytes!;
    this.metaBytes = undefined;
    // A name record ends at its first NUL (GNU writes one; the rest is padding).
    if (type === 'L' || type === 'K') {
      meta.length = fieldLength(meta.data, 0, meta.length);
      (type === 'L' ? this.name : this.link).hasLong = true;
      return;
    }
    if (type === 'x') {
      const pax: Record<string, string> = {};
      const { name, link } = this;
      name.paxStart = link.paxStart = -1;
      paxRecords(meta.data, meta.length, (key, start, end) => {
        const ladder = key === 'path' ? name : key === 'linkpath' ? link : undefined;
        if (ladder) { ladder.paxStart = start; ladder.paxEnd = end; } else pax[key] = latin1(meta.data, start, end);
      });
      this.pax = pax;
      return;
    }
    paxRecords(meta.data, meta.length, (key, start, end) => { this.globalPax[key] = latin1(meta.data, start, end); });
    this.hasGlobalPax = Object.keys(this.globalPax).length > 0;
    let kept = 0;
    for (const [key, value] of Object.entries(this.globalPax)) kept += key.length + value.length;
    if (kept > maxMetaBytes) throw new TarFormatError('limit', `global PAX headers hold more than ${maxMetaBytes} bytes`);
  }
}
