// Reads one layer blob as it streams past: decompresses it, hashes the uncompressed tar (its diff
// ID), and keeps each entry's header, never file bytes.
import { createHash, type Hash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { Transform } from 'node:stream';
import * as tar from 'tar-stream';
import { AnalysisError, type AnalysisLimits, type EntryKind } from './types';
import { decoderFor, sniffCompression, type Compression } from './decompress';
import { normalizeEntryPath, whiteoutOf } from './paths';
import type { LayerEntry } from './replay';
import { drained, entryEnd } from './streams';

export interface LayerScan {
  /** Normalised path of the blob in the archive. */
  archivePath: string;
  compression: Compression;
  blobBytes: number;
  tarBytes: number;
  /** `sha256:` of the uncompressed tar, when hashing was asked for. */
  diffId?: string;
  entries: LayerEntry[];
  /** Set when the blob could not be read as a layer; raised only if a manifest references it. */
  error?: AnalysisError;
}

export interface ScanContext {
  limits: AnalysisLimits;
  verify: boolean;
  /** Entries seen over the whole archive, for the maxEntries cap. */
  counter: { entries: number };
}

const tarTypes: Record<string, EntryKind> = {
  file: 'file', 'contiguous-file': 'file', directory: 'dir', symlink: 'symlink', link: 'hardlink',
};

function toEntry(header: tar.Header, limits: AnalysisLimits, where: string): LayerEntry | undefined {
  const path = normalizeEntryPath(header.name, limits.maxPathLength, where);
  const common = { size: 0, mode: (header.mode ?? 0) & 0o7777, uid: header.uid ?? 0, gid: header.gid ?? 0 };
  const whiteout = whiteoutOf(path);
  if (whiteout?.kind === 'meta') return undefined;
  if (whiteout?.kind === 'whiteout') return { path: whiteout.target, type: 'whiteout', ...common };
  if (whiteout?.kind === 'opaque') return { path: whiteout.dir, type: 'opaque', ...common };
  const type = tarTypes[header.type ?? ''] ?? 'other';
  const entry: LayerEntry = { path, type, ...common };
  if (type === 'file') entry.size = header.size ?? 0;
  if (type === 'symlink') entry.linkTarget = header.linkname ?? '';
  if (type === 'hardlink') entry.linkTarget = normalizeEntryPath(header.linkname ?? '', limits.maxPathLength, where);
  return entry;
}

/** Maps a failure inside the layer pipeline to an AnalysisError naming the layer. */
export function layerError(err: unknown, archivePath: string, compression: Compression): AnalysisError {
  if (err instanceof AnalysisError) return err;
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
  const scan: LayerScan = { archivePath, compression: 'none', blobBytes: 0, tarBytes: 0, entries: [] };
  const restIterator = new PendingAwareIterator(rest[Symbol.asyncIterator]());
  if ('unsupported' in sniffed) {
    scan.error = new AnalysisError('badCompression', `layer ${archivePath}: ${sniffed.unsupported} compression is not supported (gzip, zstd or plain tar only)`);
    await drainIterator(restIterator);
    return scan;
  }
  scan.compression = sniffed.compression;
  const hash: Hash | undefined = ctx.verify ? createHash('sha256') : undefined;
  let lastEnd = 0;
  const extract = tar.extract();

  const where = `layer ${archivePath}`;
  const entriesDone = (async () => {
    for await (const entry of extract) {
      if (++ctx.counter.entries > ctx.limits.maxEntries) {
        throw new AnalysisError('limit', `the archive holds more than ${ctx.limits.maxEntries} entries; refusing to keep analysing it`);
      }
      const parsed = toEntry(entry.header, ctx.limits, where);
      if (parsed) scan.entries.push(parsed);
      lastEnd = entryEnd(entry.header);
      entry.resume();
    }
  })();
  entriesDone.catch(() => undefined); // observed below; avoid an unhandled rejection while writing

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
      if (!extract.write(chunk)) await Promise.race([drained(extract), entriesDone]);
    }
    extract.end(undefined);
    await entriesDone;
    // tar-stream accepts a tar cut exactly between two entries; a complete one ends in zero blocks.
    if (scan.tarBytes > 0 && scan.tarBytes < lastEnd + 512) {
      throw new AnalysisError('truncated', `${where}: the layer tar has no end-of-archive marker (truncated archive)`);
    }
  }

  const decoder: Transform | undefined = decoderFor(scan.compression);
  try {
    if (decoder) await pipeline(source, decoder, sink);
    else await pipeline(source, sink);
    if (hash) scan.diffId = `sha256:${hash.digest('hex')}`;
  } catch (err) {
    extract.destroy();
    const mapped = layerError(err, archivePath, scan.compression);
    if (mapped.code === 'limit' || mapped.code === 'unsafePath' || mapped.code === 'aborted') throw mapped;
    scan.error = mapped;
    scan.entries = [];
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
