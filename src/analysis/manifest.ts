// Resolves what an archive holds, once every entry has been read: which images, with which config
// and which layer blobs in which order. Legacy `docker save` (manifest.json) and OCI (index.json).
import { AnalysisError } from './types';

export interface ArchiveDocs {
  /** Parsed JSON documents by normalised archive path (or the parse error). */
  docs: Map<string, unknown>;
  /** Outer symlinks (Docker 25+ points legacy `<id>/layer.tar` at `blobs/sha256/…`), already resolved. */
  aliases: Map<string, string>;
  /** Paths of every regular file of the archive. */
  files: Set<string>;
}

export interface ImageConfig {
  architecture?: string;
  os?: string;
  created?: string;
  rootfs?: { diff_ids?: unknown };
  history?: unknown;
}

export interface ResolvedImage {
  id: string;
  repoTags: string[];
  layout: 'legacy' | 'oci';
  config: ImageConfig;
  diffIds: string[];
  /** Archive path of each layer blob, bottom first. */
  layerPaths: string[];
  /** Digest of each blob when the manifest names it (OCI), else ''. */
  blobDigests: string[];
}

export function resolveAlias(aliases: Map<string, string>, path: string): string {
  let current = path;
  for (let hops = 0; hops < 16; hops++) {
    const next = aliases.get(current);
    if (next === undefined) return current;
    current = next;
  }
  throw new AnalysisError('badManifest', `symlink loop in the archive at ${path}`);
}

function doc(archive: ArchiveDocs, path: string, what: string): unknown {
  const resolved = resolveAlias(archive.aliases, path);
  const value = archive.docs.get(resolved);
  if (value instanceof Error) throw new AnalysisError('badManifest', `${what} (${path}) is not valid JSON: ${value.message}`);
  if (value === undefined) {
    throw new AnalysisError(archive.files.has(resolved) ? 'badManifest' : 'missingManifest',
      archive.files.has(resolved) ? `${what} (${path}) is not a JSON document` : `${what} (${path}) is referenced but absent from the archive`);
  }
  return value;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function blobPath(digest: unknown, what: string): string {
  if (typeof digest !== 'string' || !/^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/.test(digest)) {
    throw new AnalysisError('badManifest', `${what}: '${String(digest)}' is not a digest`);
  }
  const [algorithm, hex] = digest.split(':');
  return `blobs/${algorithm}/${hex}`;
}

function configOf(value: unknown, where: string): { config: ImageConfig; diffIds: string[] } {
  if (!isObject(value)) throw new AnalysisError('badManifest', `${where} is not an image config object`);
  const rootfs = value.rootfs;
  const diffIds = isObject(rootfs) ? rootfs.diff_ids : undefined;
  if (!Array.isArray(diffIds) || !diffIds.every((d) => typeof d === 'string')) {
    throw new AnalysisError('badManifest', `${where} has no rootfs.diff_ids list`);
  }
  return { config: value as ImageConfig, diffIds: diffIds as string[] };
}

function checkCounts(image: ResolvedImage, where: string): ResolvedImage {
  if (image.diffIds.length !== image.layerPaths.length) {
    throw new AnalysisError('badManifest',
      `${where} lists ${image.layerPaths.length} layers but its config has ${image.diffIds.length} diff_ids`);
  }
  return image;
}

function fromManifestJson(archive: ArchiveDocs, layout: 'legacy' | 'oci'): ResolvedImage[] {
  const list = doc(archive, 'manifest.json', 'manifest.json');
  if (!Array.isArray(list)) throw new AnalysisError('badManifest', 'manifest.json is not a list of images');
  return list.map((item, i) => {
    const where = `manifest.json entry ${i}`;
    if (!isObject(item) || typeof item.Config !== 'string' || !Array.isArray(item.Layers) || !item.Layers.every((l) => typeof l === 'string')) {
      throw new AnalysisError('badManifest', `${where} needs Config (a path) and Layers (a list of paths)`);
    }
    const configPath = item.Config;
    const { config, diffIds } = configOf(doc(archive, configPath, `the config of ${where}`), `config ${configPath}`);
    const hex = /([a-f0-9]{64})(?:\.json)?$/.exec(configPath)?.[1];
    const layerPaths = (item.Layers as string[]).map((p) => p.replace(/^\.?\/+/, ''));
    return checkCounts({
      id: hex ? `sha256:${hex}` : configPath,
      repoTags: Array.isArray(item.RepoTags) ? item.RepoTags.filter((t): t is string => typeof t === 'string') : [],
      layout, config, diffIds, layerPaths,
      blobDigests: layerPaths.map((p) => /^blobs\/([^/]+)\/([^/]+)$/.exec(p)?.slice(1).join(':') ?? ''),
    }, where);
  });
}

const indexTypes = new Set(['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json']);

function fromOciIndex(archive: ArchiveDocs): ResolvedImage[] {
  const images: ResolvedImage[] = [];
  const visit = (indexValue: unknown, where: string, depth: number): void => {
    if (!isObject(indexValue) || !Array.isArray(indexValue.manifests)) {
      throw new AnalysisError('badManifest', `${where} has no manifests list`);
    }
    indexValue.manifests.forEach((descriptor, i) => {
      const at = `${where} manifests[${i}]`;
      if (!isObject(descriptor)) throw new AnalysisError('badManifest', `${at} is not a descriptor`);
      const annotations = isObject(descriptor.annotations) ? descriptor.annotations : {};
      // BuildKit attaches provenance/SBOM "images" that are not images: skip them.
      if (annotations['vnd.docker.reference.type'] === 'attestation-manifest') return;
      const path = blobPath(descriptor.digest, at);
      const manifest = doc(archive, path, `the manifest of ${at}`);
      const mediaType = isObject(manifest) ? manifest.mediaType ?? descriptor.mediaType : descriptor.mediaType;
      if (indexTypes.has(String(mediaType)) || (isObject(manifest) && Array.isArray(manifest.manifests))) {
        if (depth > 4) throw new AnalysisError('badManifest', `${at}: indexes nested too deeply`);
        visit(manifest, path, depth + 1);
        return;
      }
      if (!isObject(manifest) || !isObject(manifest.config) || !Array.isArray(manifest.layers)) {
        throw new AnalysisError('badManifest', `${path} is not an image manifest (config and layers expected)`);
      }
      const configPath = blobPath(manifest.config.digest, `${path} config`);
      const { config, diffIds } = configOf(doc(archive, configPath, `the config of ${path}`), `config ${configPath}`);
      const layers = manifest.layers.map((l, j) => {
        if (!isObject(l)) throw new AnalysisError('badManifest', `${path} layers[${j}] is not a descriptor`);
        return { path: blobPath(l.digest, `${path} layers[${j}]`), digest: String(l.digest) };
      });
      const name = annotations['io.containerd.image.name'] ?? annotations['org.opencontainers.image.ref.name'];
      images.push(checkCounts({
        id: String(manifest.config.digest),
        repoTags: typeof name === 'string' ? [name] : [],
        layout: 'oci', config, diffIds,
        layerPaths: layers.map((l) => l.path),
        blobDigests: layers.map((l) => l.digest),
      }, path));
    });
  };
  visit(doc(archive, 'index.json', 'index.json'), 'index.json', 0);
  return images;
}

/** Every image of the archive, in archive order. */
export function resolveImages(archive: ArchiveDocs): ResolvedImage[] {
  const hasOci = archive.files.has('index.json') || archive.files.has('oci-layout');
  let images: ResolvedImage[];
  if (archive.files.has('manifest.json')) images = fromManifestJson(archive, hasOci ? 'oci' : 'legacy');
  else if (archive.files.has('index.json')) images = fromOciIndex(archive);
  else {
    throw new AnalysisError('missingManifest',
      'not an image archive: neither manifest.json (docker save) nor index.json (OCI layout) is in it');
  }
  if (images.length === 0) throw new AnalysisError('missingManifest', 'the archive lists no image');
  return images;
}

/** The image `wanted` names (a RepoTag, `name` meaning `name:latest`, an ID or ID prefix); the first when undefined. */
export function pickImage(images: ResolvedImage[], wanted: string | undefined): ResolvedImage {
  if (wanted === undefined || wanted === '') return images[0];
  const withTag = /:[^/]+$/.test(wanted) ? wanted : `${wanted}:latest`;
  const bare = wanted.replace(/^sha256:/, '');
  const found = images.find((img) => img.repoTags.includes(wanted) || img.repoTags.includes(withTag))
    ?? (/^[a-f0-9]{4,64}$/.test(bare) ? images.find((img) => img.id.replace(/^sha256:/, '').startsWith(bare)) : undefined);
  if (!found) {
    const names = images.map((img) => img.repoTags[0] ?? img.id).join(', ');
    throw new AnalysisError('imageNotFound', `the archive holds no image named '${wanted}' (it holds: ${names})`);
  }
  return found;
}
