// One streaming pass over an image archive (`docker save`, skopeo/podman docker-archive, crane
// tarball, OCI): every file is classified by its first bytes, not its name. Tars (plain, gzip or
// zstd) are scanned as layers as they pass (their entries kept, their bytes dropped), small JSON
// documents are kept as bytes, and the images are put together at the end from what the manifest
// or index names, because a manifest may come after the layers it lists.
import { pipeline, Readable } from 'node:stream';
import * as tar from 'tar-stream';
import {
  AnalysisError, type AnalysisLimits, type AnalyzeOptions, type HistoryItem, type ImageAnalysis, type LayerAnalysis,
} from './types';
import { normalizeEntryPath, parentOf } from './paths';
import { decoderFor, looksLikeTar, sniffCompression } from './decompress';
import { entryLimitError, scanLayer, type LayerScan, type ScanContext } from './layerScan';
import { pickImage, resolveAlias, resolveImages, type ArchiveDocs, type ResolvedImage } from './manifest';
import { PathTrie } from './pathTrie';
import { RecordTable, lazyChanges } from './records';
import { replayLayers } from './replay';
import { displayCreatedBy } from './createdBy';
import { drained, entryEnd, readAhead } from './streams';

export const defaultLimits: AnalysisLimits = {
  maxEntries: 5_000_000,
  maxPathLength: 4096,
  maxJsonBytes: 32 * 1024 * 1024,
  maxNameBytes: 256 * 1024 * 1024,
  maxManifests: 4096,
};

/** Regular files of the outer archive whose paths are remembered (for error messages only). */
const maxListedFiles = 100_000;
/** Symlinks of the outer archive (Docker 25+ writes one per layer). */
const maxAliases = 100_000;

const progressStep = 1024 * 1024;
/** Slack between the producer (the daemon) and the analysis; see readAhead. */
const readAheadBytes = 4 * 1024 * 1024;

interface ArchiveRead extends ArchiveDocs {
  layers: Map<string, LayerScan>;
  paths: PathTrie;
  limits: AnalysisLimits;
  warnings: string[];
  /** Layer entries replayed so far, over every image analysed (a layer listed twice counts twice). */
  replayed: number;
}

const resolveOptions = (read: ArchiveRead, options: AnalyzeOptions) => ({ maxManifests: read.limits.maxManifests, platform: options.platform });

/** Every image of the archive, analysed. */
export async function analyzeArchive(input: Readable, options: AnalyzeOptions = {}): Promise<ImageAnalysis[]> {
  const read = await readArchive(input, options);
  const images = [...resolveImages(read, resolveOptions(read, options))];
  return images.map((image) => buildAnalysis(image, read, options, undefined));
}

/** One image of the archive (`options.image`, default the first), analysed. */
export async function analyzeImage(input: Readable, options: AnalyzeOptions = {}): Promise<ImageAnalysis> {
  const read = await readArchive(input, options);
  const image = pickImage(resolveImages(read, resolveOptions(read, options)), options.image);
  return buildAnalysis(image, read, options, options.image);
}

/** True when the first bytes are the start of a JSON object or array (and not a tar header). */
function looksLikeJson(head: Buffer): boolean {
  const first = head.subarray(0, 64).toString('latin1').trimStart()[0];
  return (first === '{' || first === '[') && !looksLikeTar(head);
}

/** True when a file may be a layer: compressed, a tar header, or the zero blocks of an empty tar. */
function looksLikeLayer(head: Buffer): boolean {
  const sniffed = sniffCompression(head);
  if ('unsupported' in sniffed || sniffed.compression !== 'none') return true;
  return looksLikeTar(head) || (head.length >= 512 && head.subarray(0, 512).every((b) => b === 0));
}

/** Resolves `target` of a symlink at `path` inside the archive; undefined if it leaves the archive. */
function symlinkTarget(path: string, target: string): string | undefined {
  const parts = target.startsWith('/') ? [] : parentOf(path).split('/').filter(Boolean);
  for (const part of target.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') { if (parts.pop() === undefined) return undefined; } else parts.push(part);
  }
  return parts.join('/');
}

/** `docker save | gzip > image.tar.gz` (or zstd) is read as is: the outer archive is decompressed on the fly. */
async function* decompressedIfNeeded(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const iterator = source[Symbol.asyncIterator]();
  let head: Buffer = Buffer.alloc(0);
  while (head.length < 8) {
    const next = await iterator.next();
    if (next.done) break;
    head = head.length ? Buffer.concat([head, next.value]) : next.value;
  }
  async function* whole(): AsyncGenerator<Buffer> {
    if (head.length) yield head;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  const sniffed = sniffCompression(head);
  const decoder = 'compression' in sniffed ? decoderFor(sniffed.compression) : undefined;
  if (!decoder) { yield* whole(); return; }
  yield* pipeline(Readable.from(whole(), { objectMode: false }), decoder, () => undefined) as AsyncIterable<Buffer>;
}

function outerError(err: unknown): AnalysisError {
  if (err instanceof AnalysisError) return err;
  const message = (err as Error)?.message ?? String(err);
  const code = (err as { code?: unknown })?.code;
  if (typeof code === 'number' || (typeof code === 'string' && code.startsWith('Z_'))) {
    return new AnalysisError('badCompression', `the archive's compression is corrupt or cut short (${message})`);
  }
  if (/Unexpected end of data/.test(message)) {
    return new AnalysisError('truncated', 'the archive ends in the middle of an entry (a truncated download or file, or not a tar at all)');
  }
  if (/Invalid tar header|unknown format|Invalid header|exceeds max size/.test(message)) {
    return new AnalysisError('notTar', `the input is not a tar archive (${message}); expected a docker save or OCI image archive`);
  }
  return new AnalysisError('truncated', `reading the archive failed: ${message}`);
}

async function readArchive(input: Readable, options: AnalyzeOptions): Promise<ArchiveRead> {
  const limits: AnalysisLimits = { ...defaultLimits, ...options.limits };
  const paths = new PathTrie(limits.maxNameBytes);
  const ctx: ScanContext = { limits, verify: options.verifyDiffIds !== false, counter: { entries: 0 }, overLimit: false, paths };
  const read: ArchiveRead = {
    raw: new Map(), parsed: new Map(), oversized: new Map(), aliases: new Map(), files: new Set(), layers: new Map(),
    maxJsonBytes: limits.maxJsonBytes, paths, limits, warnings: [], replayed: 0,
  };
  const { signal, onProgress } = options;
  const extract = tar.extract();

  let bytesRead = 0;
  let reported = 0;
  let currentLayer = '';
  let layersRead = 0;
  const report = (force: boolean): void => {
    if (!onProgress || (!force && bytesRead - reported < progressStep)) return;
    reported = bytesRead;
    onProgress({ bytesRead, currentLayer, layersRead });
  };

  const abortError = (): AnalysisError => new AnalysisError('aborted', 'the analysis was cancelled');
  if (signal?.aborted) { input.destroy(); throw abortError(); }
  let failure: AnalysisError | undefined;
  const fail = (err: AnalysisError): void => {
    failure ??= err;
    extract.destroy(failure);
    input.destroy();
  };
  const onAbort = (): void => fail(abortError());
  signal?.addEventListener('abort', onAbort, { once: true });

  let totalBytes = 0;
  async function* counted(): AsyncGenerator<Buffer> {
    for await (const chunk of readAhead(input, readAheadBytes)) {
      bytesRead += chunk.length;
      report(false);
      yield chunk;
    }
  }
  const feeding = (async () => {
    for await (const chunk of decompressedIfNeeded(counted())) {
      totalBytes += chunk.length;
      if (!extract.write(chunk)) await drained(extract);
    }
    extract.end(undefined);
  })();
  feeding.catch((err) => fail(failure ?? outerError(err)));

  let lastEnd = 0;
  let jsonBytes = 0;
  try {
    for await (const entry of extract) {
      if (++ctx.counter.entries > limits.maxEntries && !ctx.overLimit) {
        // Keep counting (to say how many there are), keep nothing more.
        ctx.overLimit = true;
      }
      if (ctx.overLimit && read.layers.size) {
        for (const scan of read.layers.values()) scan.entries = new RecordTable();
      }
      const header = entry.header;
      lastEnd = entryEnd(header);
      const path = normalizeEntryPath(header.name, limits.maxPathLength, 'archive');
      if (header.type === 'symlink' || header.type === 'link') {
        const target = header.type === 'link'
          ? normalizeEntryPath(header.linkname ?? '', limits.maxPathLength, 'archive')
          : symlinkTarget(path, header.linkname ?? '');
        if (target !== undefined) {
          if (read.aliases.size >= maxAliases) throw new AnalysisError('limit', `the archive holds more than ${maxAliases} symlinks`);
          read.aliases.set(path, target);
        }
        entry.resume();
        continue;
      }
      if (header.type !== 'file' && header.type !== 'contiguous-file') { entry.resume(); continue; }
      if (read.files.size < maxListedFiles || !path.includes('/')) read.files.add(path);
      const size = header.size ?? 0;
      if (size === 0) {
        // An empty blob is an empty layer, should a manifest name it as one.
        read.layers.set(path, { archivePath: path, compression: 'none', blobBytes: 0, tarBytes: 0, entries: new RecordTable(), endMarker: true });
        entry.resume();
        continue;
      }

      const iterator = entry[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
      let head: Buffer = Buffer.alloc(0);
      while (head.length < 512) {
        const next = await iterator.next();
        if (next.done) break;
        head = head.length ? Buffer.concat([head, next.value]) : next.value;
      }
      const rest: AsyncIterable<Buffer> = { [Symbol.asyncIterator]: () => iterator };

      if (looksLikeJson(head) || path === 'manifest.json' || path === 'index.json') {
        // Kept as bytes; parsed only if a manifest or index refers to it (see manifest.ts).
        if (size > limits.maxJsonBytes) {
          read.oversized.set(path, size);
          for await (const _ of rest) { /* skipped */ }
          continue;
        }
        jsonBytes += size;
        if (jsonBytes > 2 * limits.maxJsonBytes) {
          throw new AnalysisError('limit', `the archive's JSON documents exceed ${2 * limits.maxJsonBytes} bytes in total; refusing to keep them`);
        }
        const chunks = [head];
        for await (const chunk of rest) chunks.push(chunk);
        read.raw.set(path, Buffer.concat(chunks));
        continue;
      }
      if (!looksLikeLayer(head)) {
        for await (const _ of rest) { /* neither a document nor a layer: VERSION, repositories, … */ }
        continue;
      }

      currentLayer = path;
      report(true);
      const scan = await scanLayer(path, head, rest, ctx);
      read.layers.set(path, scan);
      layersRead++;
      currentLayer = '';
      report(true);
    }
    await feeding;
    if (totalBytes > 0 && totalBytes < lastEnd) {
      throw new AnalysisError('truncated', 'the archive ends in the middle of an entry (a truncated download or file)');
    }
    if (totalBytes > 0 && totalBytes < lastEnd + 512) {
      read.warnings.push('the archive has no end-of-archive marker; every entry in it is complete, so it was read anyway (was the download or copy cut short?)');
    }
    if (totalBytes === 0) throw new AnalysisError('notTar', 'the input is empty; expected a docker save or OCI image archive');
    if (ctx.overLimit) throw entryLimitError(ctx.counter.entries, limits.maxEntries);
  } catch (err) {
    const mapped = failure ?? outerError(err);
    fail(mapped);
    throw mapped;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  if (failure) throw failure;
  report(true);
  return read;
}

function buildAnalysis(image: ResolvedImage, read: ArchiveRead, options: AnalyzeOptions, asked: string | undefined): ImageAnalysis {
  const warnings = [...read.warnings];
  const scans = image.layerPaths.map((p, i) => {
    const resolved = resolveAlias(read.aliases, p);
    const scan = read.layers.get(resolved);
    if (!scan) {
      const present = read.files.has(resolved) || read.raw.has(resolved) || read.parsed.has(resolved) || read.oversized.has(resolved);
      throw new AnalysisError(present ? 'notTar' : 'missingLayer', present
        ? `layer ${i} (${p}) is not a tar archive (plain, gzip or zstd)`
        : `layer ${i} (${p}, diff ID ${image.diffIds[i]}) is referenced by the manifest but absent from the archive`);
    }
    if (scan.error) throw scan.error;
    if (options.verifyDiffIds !== false && scan.diffId !== undefined && scan.diffId !== image.diffIds[i]) {
      throw new AnalysisError('digestMismatch',
        `layer ${i} (${p}) has content ${scan.diffId} but the config expects ${image.diffIds[i]}: the archive is corrupt`);
    }
    if (!scan.endMarker) warnings.push(`layer ${i} (${p}) has no end-of-archive marker; every entry in it is complete, so it was read anyway`);
    return scan;
  });

  // The cap holds for what is replayed, not only for what was read: one layer listed 2,000 times
  // would otherwise be replayed 2,000 times.
  const entries = scans.reduce((sum, s) => sum + s.entries.length, 0);
  read.replayed += entries;
  if (read.replayed > read.limits.maxEntries) {
    throw new AnalysisError('limit', `this image's layers hold ${read.replayed} entries (a layer listed twice counts twice); `
      + `the limit is ${read.limits.maxEntries} — raise it with --max-entries`);
  }
  const replay = replayLayers(read.paths, scans.map((s) => s.entries), options.largestFilesLimit ?? 100);

  const rawHistory = Array.isArray(image.config.history) ? image.config.history : [];
  const history: HistoryItem[] = [];
  const historyOfLayer: number[] = [];
  for (const raw of rawHistory) {
    const h = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const createdByRaw = typeof h.created_by === 'string' ? h.created_by : '';
    const item: HistoryItem = {
      created: typeof h.created === 'string' ? h.created : '',
      createdByRaw,
      createdBy: displayCreatedBy(createdByRaw),
      comment: typeof h.comment === 'string' ? h.comment : '',
      emptyLayer: h.empty_layer === true,
    };
    if (!item.emptyLayer && historyOfLayer.length < scans.length) {
      item.layerIndex = historyOfLayer.length;
      historyOfLayer.push(history.length);
    }
    history.push(item);
  }

  const layers: LayerAnalysis[] = scans.map((scan, index) => {
    const r = replay.layers[index];
    const historyIndex = historyOfLayer[index];
    return lazyChanges({
      index,
      digest: image.diffIds[index],
      blobDigest: image.blobDigests[index] || (scan.compression === 'none' ? scan.diffId ?? '' : ''),
      ...(historyIndex !== undefined ? { historyIndex } : {}),
      createdBy: historyIndex !== undefined ? history[historyIndex].createdBy : '',
      sizeBytes: r.sizeBytes,
      tarBytes: scan.tarBytes,
      blobBytes: scan.blobBytes,
      compression: scan.compression,
      added: r.added,
      modified: r.modified,
      removed: r.removed,
      wastedBytes: r.wastedBytes,
    }, r.table, read.paths);
  });

  const userSizeBytes = layers.slice(1).reduce((sum, l) => sum + l.sizeBytes, 0);
  const userWastedPercent = userSizeBytes > 0 ? replay.wastedBytes / userSizeBytes : replay.wastedBytes > 0 ? 1 : 0;
  return {
    image: asked || image.repoTags[0] || image.id,
    id: image.id,
    repoTags: image.repoTags,
    layout: image.layout,
    created: typeof image.config.created === 'string' ? image.config.created : '',
    architecture: typeof image.config.architecture === 'string' ? image.config.architecture : '',
    os: typeof image.config.os === 'string' ? image.config.os : '',
    layers,
    history,
    sizeBytes: replay.sizeBytes,
    finalBytes: replay.finalBytes,
    wastedBytes: replay.wastedBytes,
    efficiency: replay.sizeBytes > 0 ? 1 - replay.wastedBytes / replay.sizeBytes : 1,
    userSizeBytes,
    userWastedPercent,
    inefficiencies: replay.inefficiencies,
    largestFiles: replay.largestFiles,
    finalEntryCount: replay.finalEntryCount,
    ...(warnings.length ? { warnings } : {}),
  };
}
