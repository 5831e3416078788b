// Listing a container's directory and reading one of its files, over the Engine port.
//
// Listing without pulling the filesystem: the archive endpoint has no depth limit (a tar of `/` is
// the whole container), so for a RUNNING container we run `ls -lnA` through exec (one small
// answer, however big the tree below). A stopped container cannot exec, and an image may have no
// `ls`: then we read the tar headers of `GET /archive?path=dir`, skipping file data, up to an entry
// cap. bench/containerFiles.bench.mjs measures both against `docker exec ls` and the raw archive.
import type { Readable } from 'node:stream';
import type * as Tar from 'tar-stream';
import { tarStream } from './tarStream';
import { type DirListing, parseLsLong, TarDirCollector } from '../model/containerFiles';
import type { PathStat } from '../model/containerLayer';
import { type Engine, EngineError } from './engine';

export type ListingMethod = 'auto' | 'exec' | 'archive';

export interface ListOptions {
  running: boolean;
  method: ListingMethod;
  /** The archive listing stops after this many entries (the listing says it is truncated). */
  maxArchiveEntries: number;
}

/** `ls` exit codes that mean "no such program here", not "ls failed". */
const notInstalled = new Set([126, 127]);

export async function listContainerDir(engine: Engine, id: string, dir: string, options: ListOptions, signal?: AbortSignal): Promise<DirListing> {
  if (options.method !== 'archive' && options.running) {
    const listed = await listByExec(engine, id, dir, options.method === 'exec', signal);
    if (listed) return listed;
  }
  if (options.method === 'exec') throw new EngineError('conflict', 'Listing with exec needs a running container.', engine.info.endpoint);
  return listByArchive(engine, id, dir, options.maxArchiveEntries, signal);
}

/** undefined when exec is not possible here (paused, no `ls` in the image); ls's own failures throw. */
async function listByExec(engine: Engine, id: string, dir: string, required: boolean, signal?: AbortSignal): Promise<DirListing | undefined> {
  // The trailing slash lists a symlinked directory's contents; `--` keeps a name from being an option.
  const target = dir === '/' ? '/' : `${dir}/`;
  let result;
  try {
    result = await engine.execInContainer(id, ['ls', '-lnA', '--', target], signal);
  } catch (e) {
    if (required || (e instanceof EngineError && (e.code === 'aborted' || e.code === 'unreachable'))) throw e;
    return undefined;
  }
  if (notInstalled.has(result.exitCode) && !required) return undefined;
  const { entries, unparsed } = parseLsLong(dir, result.stdout.toString('utf8'));
  const errors = [...unparsed, ...result.stderr.toString('utf8').split('\n')].map((l) => l.trim()).filter(Boolean);
  if (result.exitCode !== 0 && entries.length === 0) {
    const text = errors.join(' ') || `ls exited with ${result.exitCode}`;
    throw new EngineError(/permission denied/i.test(text) ? 'permission' : /no such file/i.test(text) ? 'notFound' : 'server',
      `Cannot list ${dir}: ${text}`, engine.info.endpoint);
  }
  return { dir, entries, method: 'exec', errors };
}

async function listByArchive(engine: Engine, id: string, dir: string, maxEntries: number, signal?: AbortSignal): Promise<DirListing> {
  const abort = new AbortController();
  const onAbort = () => abort.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  const collector = new TarDirCollector(dir);
  let truncated = false;
  try {
    const stream = await engine.getContainerArchive(id, dir, abort.signal);
    await readHeaders(stream, (header) => {
      collector.add(header);
      if (collector.entriesSeen < maxEntries) return true;
      truncated = true;
      return false;
    });
    if (truncated) abort.abort();
  } catch (e) {
    if (!truncated) throw e;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  return { dir, entries: collector.entries(), method: 'archive', errors: [], truncated };
}

/** Reads tar headers, skipping data; `onHeader` returns false to stop early. */
async function readHeaders(stream: Readable, onHeader: (h: Tar.Header) => boolean): Promise<void> {
  const tar = await tarStream();
  return new Promise<void>((resolve, reject) => {
    const extract = tar.extract();
    let stopped = false;
    extract.on('entry', (header, body, next) => {
      if (stopped) return;
      if (!onHeader(header)) {
        stopped = true;
        stream.destroy();
        extract.destroy();
        resolve();
        return;
      }
      body.on('end', next);
      body.resume();
    });
    extract.on('finish', resolve);
    extract.on('error', (e) => { if (!stopped) reject(e); });
    stream.on('error', (e) => { if (!stopped) reject(e); });
    stream.pipe(extract);
  });
}

export interface FileContent {
  stat: PathStat;
  /** The first `maxBytes` bytes (all of them when `truncated` is false). */
  bytes: Buffer;
  truncated: boolean;
}

/**
 * The content of one regular file (a symlink is followed, up to 8 hops). Refuses directories and
 * special files with words a person can act on.
 */
export async function readContainerFile(engine: Engine, id: string, path: string, maxBytes: number, signal?: AbortSignal): Promise<FileContent> {
  let current = path;
  for (let hop = 0; hop < 8; hop++) {
    const stat = await engine.statContainerPath(id, current, signal);
    if (stat.kind === 'symlink' && stat.linkTarget) {
      current = stat.linkTarget.startsWith('/') ? stat.linkTarget : `${current.slice(0, current.lastIndexOf('/'))}/${stat.linkTarget}`;
      continue;
    }
    if (stat.kind === 'dir') throw new EngineError('badRequest', `${path} is a directory.`, engine.info.endpoint);
    if (stat.kind !== 'file') throw new EngineError('badRequest', `${path} is a ${stat.kind}, not a regular file: it has no content to show.`, engine.info.endpoint);
    const { bytes, truncated } = await firstEntryBytes(await engine.getContainerArchive(id, current, signal), maxBytes);
    return { stat, bytes, truncated };
  }
  throw new EngineError('badRequest', `${path}: too many levels of symbolic links.`, engine.info.endpoint);
}

/** The data of the archive's first entry, up to `maxBytes`. */
async function firstEntryBytes(stream: Readable, maxBytes: number): Promise<{ bytes: Buffer; truncated: boolean }> {
  const tar = await tarStream();
  return new Promise((resolve, reject) => {
    const extract = tar.extract();
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (truncated: boolean) => {
      if (done) return;
      done = true;
      stream.destroy();
      extract.destroy();
      resolve({ bytes: Buffer.concat(chunks).subarray(0, maxBytes), truncated });
    };
    extract.on('entry', (_header, body) => {
      body.on('data', (data: unknown) => {
        const c = data as Buffer;
        chunks.push(c);
        size += c.length;
        if (size > maxBytes) finish(true);
      });
      body.on('end', () => finish(false));
    });
    extract.on('finish', () => finish(false));
    extract.on('error', (e) => { if (!done) reject(e); });
    stream.on('error', (e) => { if (!done) reject(e); });
    stream.pipe(extract);
  });
}

