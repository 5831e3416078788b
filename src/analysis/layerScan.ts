// Reads one layer blob as it streams past: decompresses it, hashes the uncompressed tar (its diff
// ID), and keeps each entry's header, never file bytes (TarScanner skips the data in place).
import { createHash, type Hash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { Transform } from 'node:stream';
import { AnalysisError, type AnalysisLimits, type EntryKind } from './types';
import { decoderFor, sniffCompression, type Compression } from './decompress';
import { normalizeEntryPath, whiteoutOf } from './paths';
import type { LayerEntry } from './replay';
import { displayName, type PathTrie } from './pathTrie';
import { IntList } from './intList';
import { TarFormatError, TarScanner, type TarHeader } from './tarScanner';

export interface LayerScan {
  /** Normalised path of the blob in the archive. */
  archivePath: string;
  compression: Compression;
  blobBytes: number;
  tarBytes: number;
  /** `sha256:` of the uncompressed tar, when hashing was asked for. */
  diffId?: string;
  entries: LayerEntry[];
  /** Path node of each entry (see PathTrie). */
  nodes: IntList;
  /** Target path node of each hard link, by entry index. */
  links: Map<number, number>;
  /** False when the tar lacked its end-of-archive blocks (read anyway; the analysis warns). */
  endMarker: boolean;
  /** Set when the blob could not be read as a layer; raised only if a manifest references it. */
  error?: AnalysisError;
  /** The replay turns entries into change records in place: a second image sharing the layer needs copies. */
  replayed?: boolean;
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

const tarTypes: Record<string, EntryKind> = { '0': 'file', '7': 'file', 'S': 'file', '5': 'dir', '2': 'symlink', '1': 'hardlink' };

/** Adds the entry of `header` (a normalised record, its path node, its hard-link target node) to `scan`. */
function addEntry(scan: LayerScan, header: TarHeader, ctx: ScanContext, where: string): void {
  const { limits, paths } = ctx;
  const raw = normalizeEntryPath(header.name, limits.maxPathLength, where);
  const mode = header.mode & 0o7777;
  const whiteout = whiteoutOf(raw);
  if (whiteout?.kind === 'meta') return;
  if (whiteout) {
    const node = paths.intern(whiteout.kind === 'whiteout' ? whiteout.target : whiteout.dir);
    scan.entries.push({ path: paths.pathOf(node), change: 'added', kind: 'other', size: 0, mode, uid: header.uid, gid: header.gid, marker: whiteout.kind });
    scan.nodes.push(node);
    return;
  }
  const node = paths.intern(raw);
  const kind = tarTypes[header.typeflag] ?? 'other';
  const sparse = kind === 'file' && header.sparseSize !== undefined;
  const size = kind !== 'file' ? 0 : sparse ? header.sparseSize! : header.size;
  const entry: LayerEntry = { path: paths.pathOf(node), change: 'added', kind, size, mode, uid: header.uid, gid: header.gid };
  if (sparse) entry.storedSize = header.size;
  if (kind === 'symlink') {
    if (header.linkname.length > limits.maxPathLength) {
      throw new AnalysisError('limit', `${where}: symlink target of '${entry.path.slice(0, 80)}' is longer than ${limits.maxPathLength} characters`);
    }
    entry.linkTarget = displayName(header.linkname);
  }
  if (kind === 'hardlink') {
    const target = paths.intern(normalizeEntryPath(header.linkname, limits.maxPathLength, where));
    entry.linkTarget = paths.pathOf(target);
    scan.links.set(scan.entries.length, target);
  }
  scan.entries.push(entry);
  scan.nodes.push(node);
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
  const scan: LayerScan = { archivePath, compression: 'none', blobBytes: 0, tarBytes: 0, entries: [], nodes: new IntList(), links: new Map(), endMarker: true };
  const restIterator = new PendingAwareIterator(rest[Symbol.asyncIterator]());
  if ('unsupported' in sniffed) {
    scan.error = new AnalysisError('badCompression', `layer ${archivePath}: ${sniffed.unsupported} compression is not supported (gzip, zstd or plain tar only)`);
    await drainIterator(restIterator);
    return scan;
  }
  scan.compression = sniffed.compression;
  const hash: Hash | undefined = ctx.verify ? createHash('sha256') : undefined;
  const where = `layer ${archivePath}`;
  const scanner = new TarScanner((header) => {
    if (++ctx.counter.entries > ctx.limits.maxEntries) ctx.overLimit = true;
    if (!ctx.overLimit) addEntry(scan, header, ctx, where);
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
    scan.entries = [];
    scan.nodes = new IntList();
    await drainIterator(restIterator);
  }
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
