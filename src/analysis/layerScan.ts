// Reads one layer blob as it streams past: decompresses it, hashes the uncompressed tar (its diff
// ID), and keeps each entry's header, never file bytes (TarScanner skips the data in place).
import { createHash, type Hash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { Transform } from 'node:stream';
import { AnalysisError, type AnalysisLimits } from './types';
import { decoderFor, sniffCompression, type Compression } from './decompress';
import { isWhiteoutName, normalizeEntryPath, whiteoutOf } from './paths';
import { displayName, type PathTrie } from './pathTrie';
import { DIR, FILE, HARDLINK, OPAQUE, OTHER, RecordTable, SYMLINK, WHITEOUT } from './records';
import { TarFormatError, TarScanner, latin1, type TarEntry } from './tarScanner';

export interface LayerScan {
  /** Normalised path of the blob in the archive. */
  archivePath: string;
  compression: Compression;
  blobBytes: number;
  tarBytes: number;
  /** `sha256:` of the uncompressed tar, when hashing was asked for. */
  diffId?: string;
  /** The layer's entries, one row each (path and hard-link targets as PathTrie nodes). */
  entries: RecordTable;
  /** False when the tar lacked its end-of-archive blocks (read anyway; the analysis warns). */
  endMarker: boolean;
  /** Set when the blob could not be read as a layer; raised only if a manifest references it. */
  error?: AnalysisError;
}

export interface ScanContext {
  limits: AnalysisLimits;
  verify: boolean;
  /** Entries seen over the whole archive, for the maxEntries cap. */
  counter: { entries: number };
  /** Past maxEntries: entries are still counted (to say how many there are), no longer kept. */
  overLimit: boolean;
  /** Every path of every layer, interned. */
  paths: PathTrie;
}

/** The error for an archive past the entry cap, once every entry has been counted. */
export function entryLimitError(count: number, limit: number): AnalysisError {
  return new AnalysisError('limit', `this archive holds ${count} entries; the limit is ${limit} — raise it with --max-entries`);
}

const tarTypes: Record<string, number> = { '0': FILE, '7': FILE, 'S': FILE, '5': DIR, '2': SYMLINK, '1': HARDLINK };

/**
 * The trie node of a raw name that is already a clean path (read in one pass as bytes, never
 * decoded); -1 for any other name (too long, to normalise, or — with `whiteouts` — an overlay
 * marker), which the caller takes through `normalizeEntryPath` and `whiteoutOf` as text.
 */
function plainNode(bytes: Uint8Array, length: number, ctx: ScanContext, whiteouts: boolean): number {
  if (length > ctx.limits.maxPathLength) return -1;
  const nameStart = ctx.paths.readPath(bytes, 0, length);
  if (nameStart < 0 || (whiteouts && isWhiteoutName(bytes, nameStart, length))) return -1;
  return ctx.paths.internRead();
}

/** Adds `entry` (normalised, its path and hard-link target interned) to `scan`. */
function addEntry(scan: LayerScan, entry: TarEntry, ctx: ScanContext, where: string): void {
  const { limits, paths } = ctx;
  const mode = entry.mode & 0o7777;
  let node = plainNode(entry.name, entry.nameLength, ctx, true);
  if (node < 0) {
    const raw = normalizeEntryPath(latin1(entry.name, 0, entry.nameLength), limits.maxPathLength, where);
    const whiteout = whiteoutOf(raw);
    if (whiteout?.kind === 'meta') return;
    if (whiteout) {
      const marked = paths.intern(whiteout.kind === 'whiteout' ? whiteout.target : whiteout.dir);
      scan.entries.push(marked, whiteout.kind === 'whiteout' ? WHITEOUT : OPAQUE, mode, entry.uid, entry.gid, 0);
      return;
    }
    node = paths.intern(raw);
  }
  const kind = tarTypes[entry.typeflag] ?? OTHER;
  const sparse = kind === FILE && entry.sparseSize >= 0;
  const size = kind !== FILE ? 0 : sparse ? entry.sparseSize : entry.size;
  if (kind === SYMLINK && entry.linkLength > limits.maxPathLength) {
    throw new AnalysisError('limit', `${where}: symlink target of '${paths.pathOf(node).slice(0, 80)}' is longer than ${limits.maxPathLength} characters`);
  }
  let target = -1;
  if (kind === HARDLINK) {
    target = plainNode(entry.link, entry.linkLength, ctx, false);
    if (target < 0) target = paths.intern(normalizeEntryPath(latin1(entry.link, 0, entry.linkLength), limits.maxPathLength, where));
  }
  const row = scan.entries.push(node, kind, mode, entry.uid, entry.gid, size);
  if (sparse) scan.entries.setStoredSize(row, entry.size);
  if (kind === SYMLINK) scan.entries.setSymlink(row, displayName(latin1(entry.link, 0, entry.linkLength)));
  if (target >= 0) scan.entries.setLinkNode(row, target);
}

/** Maps a failure inside the layer pipeline to an AnalysisError naming the layer. */
export function layerError(err: unknown, archivePath: string, compression: Compression): AnalysisError {
  if (err instanceof AnalysisError) return err;
  if (err instanceof TarFormatError) {
    const detail = compression === 'none' ? err.message : err.message.replace('not a tar archive', `not a tar archive after ${compression} decompression`);
    return new AnalysisError(err.kind, `layer ${archivePath}: ${detail}`);
  }
  const e = err as { message?: string; code?: unknown };
  const message = e?.message ?? String(err);
  // tar-stream's own messages first: a decoder passing garbage on is the tar's problem, not the decoder's.
  if (/Unexpected end of data/.test(message)) {
    return new AnalysisError('truncated', `layer ${archivePath}: the layer tar ends in the middle of an entry (truncated archive)`);
  }
  if (/Invalid tar header|Invalid header|unknown format|exceeds max size/.test(message)) {
    return new AnalysisError('notTar', `layer ${archivePath}: not a tar archive${compression === 'none' ? '' : ` after ${compression} decompression`} (${message})`);
  }
  if (compression !== 'none') {
    return new AnalysisError('badCompression', `layer ${archivePath}: the ${compression} data is corrupt or cut short (${message})`);
  }
  return new AnalysisError('badCompression', `layer ${archivePath}: cannot be read (${message})`);
}

/**
 * Scans a layer blob. `head` is what the caller already read to classify the blob; `rest` yields
 * the remaining bytes. Resolves with the scan (its `error` set for unreadable layers, after
 * draining `rest`); rejects only for errors that must stop the whole analysis (limits, unsafe
 * paths, abort).
 */
export async function scanLayer(
  archivePath: string, head: Buffer, rest: AsyncIterable<Buffer>, ctx: ScanContext,
): Promise<LayerScan> {
  const sniffed = sniffCompression(head);
  const scan: LayerScan = { archivePath, compression: 'none', blobBytes: 0, tarBytes: 0, entries: new RecordTable(), endMarker: true };
  const restIterator = new PendingAwareIterator(rest[Symbol.asyncIterator]());
  if ('unsupported' in sniffed) {
    scan.error = new AnalysisError('badCompression', `layer ${archivePath}: ${sniffed.unsupported} compression is not supported (gzip, zstd or plain tar only)`);
    await drainIterator(restIterator);
    return scan;
  }
  scan.compression = sniffed.compression;
  const hash: Hash | undefined = ctx.verify ? createHash('sha256') : undefined;
  const where = `layer ${archivePath}`;
  const scanner = new TarScanner((entry) => {
    if (++ctx.counter.entries > ctx.limits.maxEntries) ctx.overLimit = true;
    if (!ctx.overLimit) addEntry(scan, entry, ctx, where);
  });

  async function* source(): AsyncGenerator<Buffer> {
    if (head.length) { scan.blobBytes += head.length; yield head; }
    for (;;) {
      const next = await restIterator.next();
      if (next.done) return;
      scan.blobBytes += next.value.length;
      yield next.value;
    }
  }

  async function sink(decoded: AsyncIterable<Buffer>): Promise<void> {
    for await (const chunk of decoded) {
      hash?.update(chunk);
      scan.tarBytes += chunk.length;
      scanner.push(chunk);
    }
    scan.endMarker = scanner.end(scan.tarBytes);
  }

  const decoder: Transform | undefined = decoderFor(scan.compression);
  try {
    if (decoder) await pipeline(source, decoder, sink);
    else await pipeline(source, sink);
    if (hash) scan.diffId = `sha256:${hash.digest('hex')}`;
  } catch (err) {
    const mapped = layerError(err, archivePath, scan.compression);
    if (mapped.code === 'limit' || mapped.code === 'unsafePath' || mapped.code === 'aborted') throw mapped;
    scan.error = mapped;
    scan.entries = new RecordTable();
    await drainIterator(restIterator);
  }
  // Not trimmed: the spare capacity of the last doubling was never written, so it holds no pages,
  // while a trimmed copy of a million rows would touch 25 MB of fresh ones.
  return scan;
}

/** Remembers an outstanding next() so a drain after a failure never races it. */
class PendingAwareIterator {
  private pending?: Promise<IteratorResult<Buffer>>;
  private done = false;

  constructor(private readonly inner: AsyncIterator<Buffer>) {}

  async next(): Promise<IteratorResult<Buffer>> {
    if (this.pending) await this.pending.catch(() => undefined);
    if (this.done) return { done: true, value: undefined };
    this.pending = this.inner.next();
    try {
      const result = await this.pending;
      if (result.done) this.done = true;
      return result;
    } finally {
      this.pending = undefined;
    }
  }
}

async function drainIterator(iterator: PendingAwareIterator): Promise<void> {
  for (;;) {
    const next = await iterator.next();
    if (next.done) return;
  }
}
