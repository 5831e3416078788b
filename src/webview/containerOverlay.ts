// "Compare with Image": the image's own archive with the container's writable layer added on top,
// as if it were committed, without committing. The layer is rebuilt from `/changes`: each added or
// changed path copied out through the archive endpoint (directories as a header only, since their
// archive would carry everything below), each deleted path as a whiteout. The analysis core then
// reads it like any image: the top layer's added/modified/removed files, sizes and wasted bytes.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as tar from 'tar-stream';
import type { Engine } from '../docker/engine';
import type { HistoryEntry } from '../model/types';

/** Where the added layer sits in the rewritten archive. */
export const overlayLayerPath = 'layerscope-container-layer/layer.tar';

export interface ContainerOverlay {
  containerId: string;
  /** The container's name, for titles and the history row. */
  name: string;
}

/** The history row the container's layer adds on top (newest). */
export async function overlayHistoryEntry(engine: Engine, overlay: ContainerOverlay, signal?: AbortSignal): Promise<HistoryEntry> {
  const size = await engine.containerSize(overlay.containerId, signal);
  return { id: '<missing>', created: Math.floor(Date.now() / 1000), createdBy: overlayCreatedBy(overlay), tags: [], size: size.sizeRw, comment: 'not committed' };
}

export function overlayCreatedBy(overlay: ContainerOverlay): string {
  return `container ${overlay.name} (its writable layer, not committed)`;
}

interface BuiltLayer { file: string; diffId: string; size: number }

/** Writes the container's layer as a tar to a temp file, hashing it on the way (its diff ID). */
async function buildLayer(engine: Engine, containerId: string, signal?: AbortSignal): Promise<BuiltLayer> {
  const changes = (await engine.containerChanges(containerId, signal)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'layerscope-overlay-'));
  const file = path.join(dir, 'layer.tar');
  const hash = createHash('sha256');
  let size = 0;
  const pack = tar.pack();
  const written = pipeline(pack, new PassThrough().on('data', (c: Buffer) => { hash.update(c); size += c.length; }), createWriteStream(file), { signal });
  try {
    for (const change of changes) {
      const rel = change.path.replace(/^\/+/, '');
      if (change.kind === 'deleted') {
        const cut = rel.lastIndexOf('/');
        pack.entry({ name: `${rel.slice(0, cut + 1)}.wh.${rel.slice(cut + 1)}`, type: 'file', mode: 0o644 }, Buffer.alloc(0));
        continue;
      }
      const stat = await engine.statContainerPath(containerId, change.path, signal).catch(() => undefined);
      if (!stat) continue; // gone since /changes answered
      if (stat.kind === 'dir') {
        pack.entry({ name: `${rel}/`, type: 'directory', mode: stat.mode, mtime: new Date(stat.mtime || Date.now()) });
        continue;
      }
      await copyFirstEntry(await engine.getContainerArchive(containerId, change.path, signal), rel, pack);
    }
    pack.finalize();
    await written;
  } catch (e) {
    pack.destroy();
    await fsp.rm(dir, { recursive: true, force: true });
    throw e;
  }
  return { file, diffId: `sha256:${hash.digest('hex')}`, size };
}

/** Copies the archive's first entry (one file, link or special file) into `pack` under `name`. */
function copyFirstEntry(stream: Readable, name: string, pack: tar.Pack): Promise<void> {
  return new Promise((resolve, reject) => {
    const extract = tar.extract();
    let copied = false;
    extract.on('entry', (header, body, next) => {
      if (copied) {
        body.resume();
        next();
        return;
      }
      copied = true;
      const { type, mode, uid, gid, mtime, linkname, size } = header;
      const entry = pack.entry({ name, type, mode, uid, gid, mtime, linkname, size: type === 'file' ? size : 0 }, (err) => (err ? reject(err) : undefined));
      body.pipe(entry);
      body.on('end', () => { next(); });
    });
    extract.on('finish', resolve);
    extract.on('error', reject);
    stream.on('error', reject);
    stream.pipe(extract);
  });
}

/**
 * `docker save` of the image, rewritten on the fly: its manifest.json and config are held back and
 * emitted at the end with the container's layer appended (diff ID, history entry), then the layer.
 */
export async function imageWithContainerLayer(engine: Engine, imageId: string, overlay: ContainerOverlay, signal?: AbortSignal): Promise<Readable> {
  const layer = await buildLayer(engine, overlay.containerId, signal);
  const hex = imageId.replace(/^sha256:/, '');
  const heldNames = new Set(['manifest.json', `${hex}.json`, `blobs/sha256/${hex}`]);
  const held = new Map<string, Buffer>();
  const source = await engine.saveImages([imageId], signal);
  const extract = tar.extract();
  const out = tar.pack();
  const cleanup = () => void fsp.rm(path.dirname(layer.file), { recursive: true, force: true });
  extract.on('entry', (header, body, next) => {
    const name = header.name.replace(/^\.?\/+/, '');
    if (heldNames.has(name)) {
      const chunks: Buffer[] = [];
      body.on('data', (c: unknown) => chunks.push(c as Buffer));
      body.on('end', () => { held.set(name, Buffer.concat(chunks)); next(); });
      return;
    }
    body.pipe(out.entry(header));
    body.on('end', () => next());
  });
  extract.on('finish', () => {
    void (async () => {
      const manifestText = held.get('manifest.json');
      if (!manifestText) throw new Error('The engine\'s image archive has no manifest.json.');
      const manifest = JSON.parse(manifestText.toString('utf8')) as { Config: string; Layers: string[] }[];
      const item = manifest.find((m) => m.Config.replace(/^\.?\/+/, '') === `${hex}.json` || m.Config.includes(hex));
      if (!item) throw new Error(`The engine's image archive does not describe ${imageId}.`);
      const configName = item.Config.replace(/^\.?\/+/, '');
      const config = JSON.parse(held.get(configName)?.toString('utf8') ?? '{}') as { rootfs?: { diff_ids?: string[] }; history?: object[] };
      config.rootfs = { ...config.rootfs, diff_ids: [...(config.rootfs?.diff_ids ?? []), layer.diffId] };
      config.history = [...(config.history ?? []), { created: new Date().toISOString(), created_by: overlayCreatedBy(overlay), comment: 'not committed' }];
      item.Layers = [...item.Layers, overlayLayerPath];
      out.entry({ name: configName }, JSON.stringify(config));
      out.entry({ name: 'manifest.json' }, JSON.stringify(manifest));
      const entry = out.entry({ name: overlayLayerPath, size: layer.size });
      await pipeline(createReadStream(layer.file), entry);
      out.finalize();
    })().catch((e) => out.destroy(e)).finally(cleanup);
  });
  const fail = (e: Error) => { cleanup(); out.destroy(e); };
  extract.on('error', fail);
  source.on('error', fail);
  out.on('close', () => { source.destroy(); cleanup(); });
  source.pipe(extract);
  return Readable.from(out, { objectMode: false });
}
