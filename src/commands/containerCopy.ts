// `docker cp` semantics on our side of the archive endpoints: unpack what GET /archive streams
// into a local folder, and pack a local file or folder for PUT /archive.
import { createReadStream, createWriteStream, promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type * as Tar from 'tar-stream';
import { tarStream } from '../docker/tarStream';

export interface UnpackResult {
  /** Local paths written, in archive order (the first is the copied path itself). */
  written: string[];
  bytes: number;
  /** Entries not written (devices, pipes, names leaving the folder), with why. */
  skipped: string[];
}

/** A name from the archive made safe: relative, no `..`; undefined when it would leave the folder. */
function safeRelative(name: string): string | undefined {
  const parts = name.replace(/\\/g, '/').split('/').filter((p) => p && p !== '.');
  if (parts.some((p) => p === '..')) return undefined;
  return parts.join('/');
}

/**
 * Unpacks a container archive into `destDir` (which must exist), as `docker cp CONTAINER:path destDir`
 * does: the copied file or folder lands under its own name. Nothing is written outside `destDir`,
 * and never through a symlink the archive itself made.
 */
export async function unpackInto(stream: Readable, destDir: string, signal?: AbortSignal): Promise<UnpackResult> {
  const root = await fsp.realpath(destDir);
  const result: UnpackResult = { written: [], bytes: 0, skipped: [] };
  const extract = (await tarStream()).extract();
  const abort = () => { stream.destroy(); extract.destroy(new Error('The copy was cancelled.')); };
  signal?.addEventListener('abort', abort, { once: true });
  try {
    const done = new Promise<void>((resolve, reject) => {
      extract.on('finish', resolve);
      extract.on('error', reject);
      stream.on('error', reject);
    });
    extract.on('entry', (header, body, next) => {
      void writeEntry(root, header, body as unknown as AsyncIterable<Buffer> & { resume(): unknown }, result).then(() => next(), (e) => extract.destroy(e));
    });
    stream.pipe(extract);
    await done;
  } finally {
    signal?.removeEventListener('abort', abort);
  }
  return result;
}

async function writeEntry(root: string, header: Tar.Header, body: AsyncIterable<Buffer> & { resume(): unknown }, result: UnpackResult): Promise<void> {
  const rel = safeRelative(header.name);
  if (!rel) {
    body.resume();
    if (header.name.replace(/^\/+/, '') !== '') result.skipped.push(`${header.name}: leaves the folder`);
    return;
  }
  const target = path.join(root, rel);
  // The parent must resolve inside root: an earlier symlink entry cannot redirect a write.
  const parent = path.dirname(target);
  await fsp.mkdir(parent, { recursive: true });
  const realParent = await fsp.realpath(parent);
  if (realParent !== root && !realParent.startsWith(root + path.sep)) {
    body.resume();
    result.skipped.push(`${header.name}: its folder is a link out of the download folder`);
    return;
  }
  const mode = (header.mode ?? 0o644) & 0o777;
  switch (header.type) {
    case 'directory':
      await fsp.mkdir(target, { recursive: true });
      await fsp.chmod(target, mode | 0o700);
      body.resume();
      break;
    case 'file':
    case 'contiguous-file':
      await fsp.rm(target, { force: true });
      await pipeline(Readable.from(body, { objectMode: false }), createWriteStream(target, { mode: mode | 0o600 }));
      result.bytes += header.size ?? 0;
      break;
    case 'symlink':
      body.resume();
      await fsp.rm(target, { force: true });
      await fsp.symlink(header.linkname ?? '', target);
      break;
    case 'link': {
      body.resume();
      const from = safeRelative(header.linkname ?? '');
      if (!from) {
        result.skipped.push(`${header.name}: a hard link out of the folder`);
        return;
      }
      await fsp.rm(target, { force: true });
      await fsp.link(path.join(root, from), target);
      break;
    }
    default:
      body.resume();
      result.skipped.push(`${header.name}: a ${header.type ?? 'special file'} (not copied)`);
      return;
  }
  result.written.push(target);
}

export interface PackSummary { files: number; dirs: number; bytes: number; links: number }

/** What packing `local` would send, for the question asked before an upload. */
export async function summarise(local: string): Promise<PackSummary> {
  const s: PackSummary = { files: 0, dirs: 0, bytes: 0, links: 0 };
  const walk = async (p: string) => {
    const st = await fsp.lstat(p);
    if (st.isSymbolicLink()) s.links++;
    else if (st.isDirectory()) {
      s.dirs++;
      for (const name of await fsp.readdir(p)) await walk(path.join(p, name));
    } else if (st.isFile()) {
      s.files++;
      s.bytes += st.size;
    }
  };
  await walk(local);
  return s;
}

/** A tar of `local` (a file or folder) under its own name, streamed as it is read. */
export async function packLocal(local: string): Promise<Readable> {
  const pack = (await tarStream()).pack();
  const base = path.basename(local);
  const add = async (p: string, name: string): Promise<void> => {
    const st = await fsp.lstat(p);
    const common = { name, mode: st.mode & 0o7777, mtime: st.mtime, uid: 0, gid: 0 };
    if (st.isSymbolicLink()) {
      pack.entry({ ...common, type: 'symlink', linkname: await fsp.readlink(p) });
    } else if (st.isDirectory()) {
      pack.entry({ ...common, type: 'directory' });
      for (const child of (await fsp.readdir(p)).sort()) await add(path.join(p, child), `${name}/${child}`);
    } else if (st.isFile()) {
      const entry = pack.entry({ ...common, type: 'file', size: st.size });
      await new Promise<void>((resolve, reject) => {
        const source = createReadStream(p);
        source.on('error', reject);
        entry.on('error', reject);
        entry.on('finish', () => resolve());
        source.pipe(entry as unknown as NodeJS.WritableStream);
      });
    }
  };
  add(local, base).then(() => pack.finalize(), (e) => pack.destroy(e));
  return Readable.from(pack, { objectMode: false });
}

