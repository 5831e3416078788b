// Reads only the image config (history with empty_layer flags, rootfs) from an image archive: layer
// blobs are skipped unread, so this costs the stream's transfer and nothing per file. Used to settle
// which 0-byte history steps made a layer (model/layerSteps) without a deep analysis.
import type { Readable } from 'node:stream';
import * as tar from 'tar-stream';
import { pickImage, resolveImages, type ArchiveDocs, type ImageConfig } from './manifest';
import { normalizeEntryPath } from './paths';
import { AnalysisError } from './types';

const MAX_JSON = 32 * 1024 * 1024;

export interface ConfigOnly {
  id: string;
  config: ImageConfig;
  diffIds: string[];
  /** history[].empty_layer, oldest first. */
  emptyLayers: boolean[];
  /** history[].created_by, oldest first. */
  createdBy: string[];
}

export async function readImageConfig(input: Readable, options: { image?: string; signal?: AbortSignal } = {}): Promise<ConfigOnly> {
  const archive: ArchiveDocs = { docs: new Map(), aliases: new Map(), files: new Set() };
  const extract = tar.extract();
  const abort = (): void => { extract.destroy(new AnalysisError('aborted', 'reading the image config was cancelled')); input.destroy(); };
  options.signal?.addEventListener('abort', abort, { once: true });
  input.on('error', (err) => extract.destroy(err));
  input.pipe(extract);
  try {
    for await (const entry of extract) {
      const h = entry.header;
      const path = normalizeEntryPath(h.name, 4096, 'archive');
      if (h.type === 'symlink' || h.type === 'link') {
        if (h.linkname) archive.aliases.set(path, h.type === 'link' ? normalizeEntryPath(h.linkname, 4096, 'archive') : path.replace(/[^/]*$/, '') + h.linkname);
        entry.resume();
        continue;
      }
      if (h.type !== 'file' && h.type !== 'contiguous-file') { entry.resume(); continue; }
      archive.files.add(path);
      const small = (h.size ?? 0) <= MAX_JSON;
      const candidate = small && (!path.includes('/') ? path.endsWith('.json') : /^blobs\/[^/]+\/[^/]+$/.test(path) && (h.size ?? 0) < 4 * 1024 * 1024);
      if (!candidate) { entry.resume(); continue; }
      const chunks: Buffer[] = [];
      for await (const c of entry) chunks.push(c as Buffer);
      const text = Buffer.concat(chunks).toString('utf8');
      if (!/^\s*[[{]/.test(text)) continue;
      try { archive.docs.set(path, JSON.parse(text)); } catch (err) { archive.docs.set(path, err as Error); }
    }
  } catch (err) {
    if (err instanceof AnalysisError) throw err;
    throw new AnalysisError('truncated', `reading the archive failed: ${(err as Error).message}`);
  } finally {
    options.signal?.removeEventListener('abort', abort);
  }
  const image = pickImage(resolveImages(archive), options.image);
  const history = Array.isArray(image.config.history) ? image.config.history as Record<string, unknown>[] : [];
  return {
    id: image.id,
    config: image.config,
    diffIds: image.diffIds,
    emptyLayers: history.map((e) => e?.empty_layer === true),
    createdBy: history.map((e) => (typeof e?.created_by === 'string' ? e.created_by : '')),
  };
}
