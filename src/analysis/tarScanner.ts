// A header-only tar reader for layer tars: it walks the 512-byte blocks of a stream, reports each
// entry's header and skips the file data without copying it. A layer of 100,000 files costs
// 100,000 small header objects, not 100,000 streams (tar-stream still reads the outer archive).
// Formats: ustar/POSIX (with prefix), GNU (long names `L`/`K`, base-256 numbers, sparse `S` with
// extension blocks), PAX (`x`/`g` records: path, linkpath, size, uid, gid; GNU sparse 0.x and 1.0).
// Names are raw bytes as latin1 strings (one char per byte): see pathTrie.ts for why.

export interface TarHeader {
  /** Raw name bytes as a latin1 string. */
  name: string;
  /** '0' file, '1' hard link, '2' symlink, '3'/'4' devices, '5' dir, '6' fifo, '7' contiguous file, others. */
  typeflag: string;
  mode: number;
  uid: number;
  gid: number;
  /** Bytes of data the entry holds in the tar (for a sparse file: the stored chunks). */
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

function text(block: Uint8Array, start: number, length: number): string {
  let end = start;
  const limit = start + length;
  while (end < limit && block[end] !== 0) end++;
  return Buffer.from(block.buffer, block.byteOffset + start, end - start).toString('latin1');
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

function checksumOk(block: Uint8Array): boolean {
  let sum = 8 * 0x20;
  for (let i = 0; i < 148; i++) sum += block[i];
  for (let i = 156; i < BLOCK; i++) sum += block[i];
  return sum === number(block, 148, 8);
}

function isZero(block: Uint8Array): boolean {
  for (let i = 0; i < BLOCK; i++) if (block[i] !== 0) return false;
  return true;
}

function parsePax(data: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  let offset = 0;
  while (offset < data.length) {
    let space = offset;
    while (space < data.length && data[space] !== 0x20) space++;
    const length = Number(Buffer.from(data.buffer, data.byteOffset + offset, space - offset).toString('latin1'));
    if (!Number.isInteger(length) || length <= 0 || offset + length > data.length) break;
    const record = Buffer.from(data.buffer, data.byteOffset + space + 1, Math.max(0, length - (space + 1 - offset) - 1)).toString('latin1');
    const eq = record.indexOf('=');
    if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1);
    offset += length;
  }
  return out;
}

export class TarScanner {
  /** Bytes of the current header block gathered so far (a header may straddle chunks). */
  private readonly block = new Uint8Array(BLOCK);
  private blockFill = 0;
  /** Data bytes (plus padding) still to skip or to collect for a metadata entry. */
  private remaining = 0;
  private meta?: { type: string; bytes: Uint8Array; fill: number };
  private longName?: string;
  private longLink?: string;
  private pax?: Record<string, string>;
  private globalPax: Record<string, string> = {};
  private ended = false;
  private entries = 0;
  /** A GNU `S` header announced extension blocks of its sparse map; the data follows them. */
  private sparseExtension?: number;
  /** A PAX 1.0 sparse file: its data starts with the map as decimal lines, read before the entry is reported. */
  private sparseMap?: { header: TarHeader; numbers: number[]; digits: string; consumed: number };

  constructor(private readonly onEntry: (header: TarHeader) => void) {}

  push(chunk: Uint8Array): void {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.ended) return; // whatever follows the end-of-archive marker is padding
      if (this.remaining > 0) {
        let take = Math.min(this.remaining, chunk.length - offset);
        if (this.sparseMap) take = this.readSparseMap(chunk, offset, take);
        if (this.meta) {
          const room = this.meta.bytes.length - this.meta.fill;
          if (room > 0) {
            this.meta.bytes.set(chunk.subarray(offset, offset + Math.min(take, room)), this.meta.fill);
            this.meta.fill += Math.min(take, room);
          }
        }
        this.remaining -= take;
        offset += take;
        if (this.remaining === 0 && this.meta) this.finishMeta();
        continue;
      }
      const take = Math.min(BLOCK - this.blockFill, chunk.length - offset);
      this.block.set(chunk.subarray(offset, offset + take), this.blockFill);
      this.blockFill += take;
      offset += take;
      if (this.blockFill === BLOCK) {
        this.blockFill = 0;
        this.header();
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
    const pending = this.meta || this.pax || this.longName !== undefined || this.longLink !== undefined || this.sparseMap || this.sparseExtension !== undefined;
    if (this.remaining > 0 || this.blockFill > 0 || pending) {
      throw new TarFormatError('truncated', 'the layer tar ends in the middle of an entry (truncated archive)');
    }
    return this.ended;
  }

  get entryCount(): number {
    return this.entries;
  }

  private header(): void {
    const b = this.block;
    if (this.sparseExtension !== undefined) {
      // 21 more (offset, size) pairs; byte 504 says whether another extension block follows.
      if (b[504] === 0) { this.remaining = this.sparseExtension; this.sparseExtension = undefined; }
      return;
    }
    if (isZero(b)) { this.ended = true; return; }
    if (!checksumOk(b)) {
      throw new TarFormatError('notTar', this.entries === 0
        ? 'not a tar archive (bad header checksum)'
        : `corrupt tar header after ${this.entries} entries (bad checksum)`);
    }
    const typeflag = b[156] === 0 ? '0' : String.fromCharCode(b[156]);
    const size = number(b, 124, 12);
    const padded = Math.ceil(size / BLOCK) * BLOCK;
    if (typeflag === 'L' || typeflag === 'K' || typeflag === 'x' || typeflag === 'g') {
      if (size > maxMetaBytes) throw new TarFormatError('limit', `a tar metadata record of ${size} bytes is larger than the ${maxMetaBytes} allowed`);
      this.meta = { type: typeflag, bytes: new Uint8Array(size), fill: 0 };
      this.remaining = padded;
      if (padded === 0) this.finishMeta();
      return;
    }
    const ustar = b[257] === 0x75 && b[258] === 0x73 && b[259] === 0x74 && b[260] === 0x61 && b[261] === 0x72 && b[262] === 0;
    let name = text(b, 0, 100);
    if (ustar && b[345] !== 0) name = `${text(b, 345, 155)}/${name}`;
    let linkname = text(b, 157, 100);
    let entrySize = size;
    let uid = number(b, 108, 8);
    let gid = number(b, 116, 8);
    const pax = this.pax ? { ...this.globalPax, ...this.pax } : this.globalPax;
    if (pax.path !== undefined) name = pax.path;
    if (pax.linkpath !== undefined) linkname = pax.linkpath;
    if (pax.size !== undefined && /^\d+$/.test(pax.size)) entrySize = Number(pax.size);
    if (pax.uid !== undefined && /^\d+$/.test(pax.uid)) uid = Number(pax.uid);
    if (pax.gid !== undefined && /^\d+$/.test(pax.gid)) gid = Number(pax.gid);
    if (this.longName !== undefined) name = this.longName;
    if (this.longLink !== undefined) linkname = this.longLink;
    this.longName = undefined;
    this.longLink = undefined;
    this.pax = undefined;
    const dirByName = typeflag === '0' && name.endsWith('/');
    this.entries++;
    const header: TarHeader = { name, typeflag: dirByName ? '5' : typeflag, mode: number(b, 100, 8), uid, gid, size: entrySize, linkname };
    // Only regular files (and unknown types, per POSIX) carry data; links, dirs and devices do not.
    const hasData = typeflag === '0' || typeflag === '7' || !'123456'.includes(typeflag);
    this.remaining = hasData ? Math.ceil(entrySize / BLOCK) * BLOCK : 0;
    if (typeflag === 'S') {
      // GNU sparse: the apparent size is at 483; the data holds only the stored chunks.
      header.sparseSize = number(b, 483, 12);
      if (b[482] !== 0) { this.sparseExtension = this.remaining; this.remaining = 0; }
    } else if (pax['GNU.sparse.major'] === '1' && pax['GNU.sparse.name'] !== undefined) {
      // PAX sparse 1.0: the real name and size are records; the map heads the data.
      header.name = pax['GNU.sparse.name'];
      header.sparseSize = Number(pax['GNU.sparse.realsize'] ?? 0);
      this.sparseMap = { header, numbers: [], digits: '', consumed: 0 };
      if (this.remaining === 0) throw new TarFormatError('notTar', `sparse file ${name} has no sparse map`);
      return;
    } else if (pax['GNU.sparse.size'] !== undefined || pax['GNU.sparse.realsize'] !== undefined) {
      // PAX sparse 0.x: the map is in the records, the data holds only the stored chunks.
      if (pax['GNU.sparse.name'] !== undefined) header.name = pax['GNU.sparse.name'];
      header.sparseSize = Number(pax['GNU.sparse.realsize'] ?? pax['GNU.sparse.size']);
    }
    this.onEntry(header);
  }

  /** Reads the decimal sparse map at the start of a PAX 1.0 sparse file's data; returns how many of `take` bytes it used. */
  private readSparseMap(chunk: Uint8Array, offset: number, take: number): number {
    const map = this.sparseMap!;
    let i = 0;
    for (; i < take; i++) {
      const c = chunk[offset + i];
      if (c === 0x0a) {
        map.numbers.push(Number(map.digits));
        map.digits = '';
        const count = map.numbers[0];
        if (!Number.isSafeInteger(count) || count > maxMetaBytes / 4) throw new TarFormatError('limit', `sparse map of ${map.header.name} is too large`);
        if (map.numbers.length === 1 + 2 * count) { i++; break; }
      } else if (c >= 0x30 && c <= 0x39 && map.digits.length < 20) {
        map.digits += String.fromCharCode(c);
      } else {
        throw new TarFormatError('notTar', `sparse map of ${map.header.name} is not a list of numbers`);
      }
    }
    map.consumed += i;
    const count = map.numbers[0];
    if (count !== undefined && map.numbers.length === 1 + 2 * count) {
      this.sparseMap = undefined;
      let stored = 0;
      for (let k = 2; k < map.numbers.length; k += 2) stored += map.numbers[k];
      map.header.size = stored;
      this.onEntry(map.header);
    }
    return i;
  }

  private finishMeta(): void {
    const meta = this.meta!;
    this.meta = undefined;
    const bytes = meta.bytes;
    if (meta.type === 'L') this.longName = text(bytes, 0, bytes.length);
    else if (meta.type === 'K') this.longLink = text(bytes, 0, bytes.length);
    else if (meta.type === 'x') this.pax = parsePax(bytes);
    else {
      this.globalPax = { ...this.globalPax, ...parsePax(bytes) };
      let kept = 0;
      for (const [key, value] of Object.entries(this.globalPax)) kept += key.length + value.length;
      if (kept > maxMetaBytes) throw new TarFormatError('limit', `global PAX headers hold more than ${maxMetaBytes} bytes`);
    }
  }
}
