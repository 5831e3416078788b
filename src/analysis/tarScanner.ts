// A header-only tar reader for layer tars: it walks the 512-byte blocks of a stream, reports each
// entry's header and skips the file data without copying it. A layer of 100,000 files costs
// 100,000 small header objects, not 100,000 streams (tar-stream still reads the outer archive).
// Formats: ustar/POSIX (with prefix), GNU (long names `L`/`K`, base-256 numbers), PAX (`x`/`g`
// records: path, linkpath, size, uid, gid).

export interface TarHeader {
  name: string;
  /** '0' file, '1' hard link, '2' symlink, '3'/'4' devices, '5' dir, '6' fifo, '7' contiguous file, others. */
  typeflag: string;
  mode: number;
  uid: number;
  gid: number;
  size: number;
  linkname: string;
}

/** Thrown for input that is not, or no longer, a tar; `kind` says which. */
export class TarFormatError extends Error {
  constructor(readonly kind: 'notTar' | 'truncated' | 'limit', message: string) {
    super(message);
  }
}

const BLOCK = 512;
const maxMetaBytes = 1024 * 1024;
const utf8 = new TextDecoder('utf-8');

function text(block: Uint8Array, start: number, length: number): string {
  let end = start;
  const limit = start + length;
  while (end < limit && block[end] !== 0) end++;
  return utf8.decode(block.subarray(start, end));
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
    const length = Number(utf8.decode(data.subarray(offset, space)));
    if (!Number.isInteger(length) || length <= 0 || offset + length > data.length) break;
    const record = utf8.decode(data.subarray(space + 1, offset + length - 1));
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

  constructor(private readonly onEntry: (header: TarHeader) => void) {}

  push(chunk: Uint8Array): void {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.ended) return; // whatever follows the end-of-archive marker is padding
      if (this.remaining > 0) {
        const take = Math.min(this.remaining, chunk.length - offset);
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

  /** Call at the end of the stream: throws unless the tar ended cleanly (an end-of-archive block). */
  end(totalBytes: number): void {
    if (totalBytes === 0) return; // an empty blob: an empty layer
    if (this.remaining > 0 || this.blockFill > 0 || !this.ended) {
      throw new TarFormatError('truncated', this.remaining > 0 || this.blockFill > 0
        ? 'the layer tar ends in the middle of an entry (truncated archive)'
        : 'the layer tar has no end-of-archive marker (truncated archive)');
    }
  }

  get entryCount(): number {
    return this.entries;
  }

  private header(): void {
    const b = this.block;
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
    this.onEntry({ name, typeflag: dirByName ? '5' : typeflag, mode: number(b, 100, 8), uid, gid, size: entrySize, linkname });
    // Only regular files (and unknown types, per POSIX) carry data; links, dirs and devices do not.
    const hasData = typeflag === '0' || typeflag === '7' || !'123456'.includes(typeflag);
    this.remaining = hasData ? Math.ceil(entrySize / BLOCK) * BLOCK : 0;
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
