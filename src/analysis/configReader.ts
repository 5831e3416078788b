// Reads only the image config (history with empty_layer flags, rootfs) from an image archive: layer
// blobs are skipped unread, so this costs the stream's transfer and nothing per file. Used to settle
// which 0-byte history steps made a layer (model/layerSteps) without a deep analysis.
import type { Readable } from 'node:stream';
import * as tar from 'tar-stream';
import { pickImage, resolveImages, type ArchiveDocs, type ImageConfig } from './manifest';
import { defaultLimits } from './archive';
import { normalizeEntryPath } from './paths';
import { AnalysisError } from './types';


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
  const maxJsonBytes = defaultLimits.maxJsonBytes;
  const archive: ArchiveDocs = { raw: new Map(), parsed: new Map(), oversized: new Map(), aliases: new Map(), files: new Set(), maxJsonBytes };
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
      const size = h.size ?? 0;
      // Documents are small: layer blobs (the bulk) are skipped unread; JSON is parsed only when a manifest names it.
      const candidate = !path.includes('/') ? path.endsWith('.json') || path.startsWith('sha256:') : /^blobs\/[^/]+\/[^/]+$/.test(path) && size < 4 * 1024 * 1024;
      if (!candidate) { entry.resume(); continue; }
      if (size > maxJsonBytes) { archive.oversized.set(path, size); entry.resume(); continue; }
      const chunks: Buffer[] = [];
      for await (const c of entry) chunks.push(c as Buffer);
      const bytes = Buffer.concat(chunks);
      if (/^\s*[[{]/.test(bytes.subarray(0, 64).toString('latin1'))) archive.raw.set(path, bytes);
    }
  } catch (err) {
    if (err instanceof AnalysisError) throw err;
    throw new AnalysisError('truncated', `reading the archive failed: ${(err as Error).message}`);
  } finally {
    options.signal?.removeEventListener('abort', abort);
  }
  const image = pickImage(resolveImages(archive, { maxManifests: defaultLimits.maxManifests }), options.image);
  const history = Array.isArray(image.config.history) ? image.config.history as Record<string, unknown>[] : [];
  return {
    id: image.id,
    config: image.config,
    diffIds: image.diffIds,
    emptyLayers: history.map((e) => e?.empty_layer === true),
    createdBy: history.map((e) => (typeof e?.created_by === 'string' ? e.created_by : '')),
  };
}
