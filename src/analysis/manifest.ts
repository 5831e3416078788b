// Resolves what an archive holds, once every entry has been read: which images, with which config
// and which layer blobs in which order. `manifest.json` (docker save, skopeo/podman docker-archive,
// crane/kaniko tarballs) or `index.json` (OCI). Entries are found by the paths and digests these
// documents name, never by the shape of a path. Documents are parsed only when referenced, and
// images are resolved one at a time: the first one wanted ends the walk.
import { AnalysisError } from './types';

export interface ArchiveDocs {
  /** Raw bytes of every JSON-looking file within the size cap, by normalised archive path. */
  raw: Map<string, Buffer>;
  /** Documents parsed so far (or their parse error). */
  parsed: Map<string, unknown>;
  /** JSON-looking files over the size cap, with their size. */
  oversized: Map<string, number>;
  /** Outer symlinks (Docker 25+ points legacy `<id>/layer.tar` at `blobs/sha256/…`), already resolved. */
  aliases: Map<string, string>;
  /** Paths of the regular files of the archive (the first `maxListedFiles`, and every root-level one). */
  files: Set<string>;
  maxJsonBytes: number;
}

/** Deeper JSON than this is not an image document; refusing it keeps a hostile one from costing GBs to parse. */
export const maxJsonDepth = 64;
/** Values (objects, arrays, and items between commas) one document may hold. */
export const maxJsonValues = 1_000_000;

/** Checks nesting depth and value count without building anything; undefined when fine, else why not. */
export function jsonShapeProblem(bytes: Buffer): string | undefined {
  let depth = 0;
  let values = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxJsonDepth) return `nested more than ${maxJsonDepth} levels deep`;
      values++;
    } else if (c === 0x7d || c === 0x5d) depth--;
    else if (c === 0x2c) values++;
    if (values > maxJsonValues) return `more than ${maxJsonValues} values`;
  }
  return undefined;
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

function parse(archive: ArchiveDocs, resolved: string): unknown {
  if (archive.parsed.has(resolved)) return archive.parsed.get(resolved);
  const bytes = archive.raw.get(resolved);
  if (!bytes) return undefined;
  let value: unknown;
  const problem = jsonShapeProblem(bytes);
  if (problem) value = new AnalysisError('limit', problem);
  else {
    try {
      value = JSON.parse(bytes.toString('utf8'));
    } catch (err) {
      value = err instanceof Error ? err : new Error(String(err));
    }
  }
  archive.raw.delete(resolved);
  archive.parsed.set(resolved, value);
  return value;
}

function doc(archive: ArchiveDocs, path: string, what: string): unknown {
  const resolved = resolveAlias(archive.aliases, path);
  const value = parse(archive, resolved);
  if (value instanceof AnalysisError) throw new AnalysisError('limit', `${what} (${path}) is ${value.message}; refusing to parse it`);
  if (value instanceof Error) throw new AnalysisError('badManifest', `${what} (${path}) is not valid JSON: ${value.message}`);
  if (value === undefined) {
    const size = archive.oversized.get(resolved);
    if (size !== undefined) throw new AnalysisError('limit', `${what} (${path}) is ${size} bytes, more than the ${archive.maxJsonBytes} allowed for a JSON document`);
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

/** Where a manifest's path points: relative to the archive root (`./x`, `/x` and `x` alike). */
const archivePath = (p: string): string => p.replace(/^(?:\.?\/+)+/, '');

function* fromManifestJson(archive: ArchiveDocs, layout: 'legacy' | 'oci'): Generator<ResolvedImage> {
  const list = doc(archive, 'manifest.json', 'manifest.json');
  if (!Array.isArray(list)) throw new AnalysisError('badManifest', 'manifest.json is not a list of images');
  for (let i = 0; i < list.length; i++) {
    const item: unknown = list[i];
    const where = `manifest.json entry ${i}`;
    if (!isObject(item) || typeof item.Config !== 'string' || !Array.isArray(item.Layers) || !item.Layers.every((l) => typeof l === 'string')) {
      throw new AnalysisError('badManifest', `${where} needs Config (a path) and Layers (a list of paths)`);
    }
    const configPath = archivePath(item.Config);
    const { config, diffIds } = configOf(doc(archive, configPath, `the config of ${where}`), `config ${configPath}`);
    // docker save: `<hex>.json`; skopeo: `<hex>` or `<hex>.json`; crane: `sha256:<hex>`; OCI: `blobs/sha256/<hex>`.
    const hex = /([a-f0-9]{64})(?:\.json)?$/.exec(configPath)?.[1];
    const layerPaths = (item.Layers as string[]).map(archivePath);
    yield checkCounts({
      id: hex ? `sha256:${hex}` : configPath,
      repoTags: Array.isArray(item.RepoTags) ? item.RepoTags.filter((t): t is string => typeof t === 'string') : [],
      layout, config, diffIds, layerPaths,
      blobDigests: layerPaths.map((p) => /^blobs\/([^/]+)\/([^/]+)$/.exec(p)?.slice(1).join(':') ?? ''),
    }, where);
  }
}

const indexTypes = new Set(['application/vnd.oci.image.index.v1+json', 'application/vnd.docker.distribution.manifest.list.v2+json']);

const hostArchitectures: Record<string, string> = { x64: 'amd64', arm64: 'arm64', arm: 'arm', ia32: '386', ppc64: 'ppc64le', s390x: 's390x', riscv64: 'riscv64' };

/** `os/architecture` of this process, the default pick in a multi-platform index. */
export function hostPlatform(): string {
  return `linux/${hostArchitectures[process.arch] ?? process.arch}`;
}

function platformOf(descriptor: Record<string, unknown>): string | undefined {
  const p = descriptor.platform;
  if (!isObject(p) || typeof p.os !== 'string' || typeof p.architecture !== 'string') return undefined;
  return [p.os, p.architecture, ...(typeof p.variant === 'string' ? [p.variant] : [])].join('/');
}

const isAttestation = (descriptor: Record<string, unknown>): boolean =>
  isObject(descriptor.annotations) && descriptor.annotations['vnd.docker.reference.type'] === 'attestation-manifest';

/** Of a multi-platform index's descriptors, the one to follow: the platform asked for, else this process's, else the first. */
function choosePlatform(descriptors: Record<string, unknown>[], platform: string | undefined, where: string): Record<string, unknown>[] {
  if (descriptors.length <= 1) return descriptors;
  const matches = (wanted: string) => descriptors.filter((d) => {
    const p = platformOf(d);
    return p === wanted || (p !== undefined && wanted.split('/').length === 2 && p.startsWith(`${wanted}/`));
  });
  if (platform !== undefined) {
    const found = matches(platform);
    if (found.length === 0) {
      const listed = descriptors.map((d) => platformOf(d) ?? '?').join(', ');
      throw new AnalysisError('imageNotFound', `${where} has no image for platform ${platform} (it has: ${listed})`);
    }
    return found.slice(0, 1);
  }
  const host = matches(hostPlatform());
  return (host.length ? host : descriptors).slice(0, 1);
}

interface Walk { budget: number; maxManifests: number; platform?: string }

function* fromOciIndex(archive: ArchiveDocs, walk: Walk): Generator<ResolvedImage> {
  function* visit(indexValue: unknown, where: string, depth: number): Generator<ResolvedImage> {
    if (!isObject(indexValue) || !Array.isArray(indexValue.manifests)) {
      throw new AnalysisError('badManifest', `${where} has no manifests list`);
    }
    const all = indexValue.manifests;
    let descriptors: Record<string, unknown>[] = [];
    for (let i = 0; i < all.length; i++) {
      const d: unknown = all[i];
      if (!isObject(d)) throw new AnalysisError('badManifest', `${where} manifests[${i}] is not a descriptor`);
      // BuildKit attaches provenance/SBOM "images" that are not images: skip them.
      if (!isAttestation(d)) descriptors.push(d);
    }
    // A nested index is one image for several platforms: follow one platform only.
    if (depth > 0) descriptors = choosePlatform(descriptors, walk.platform, where);
    for (const descriptor of descriptors) {
      if (--walk.budget < 0) {
        throw new AnalysisError('limit', `the archive's indexes list more than ${walk.maxManifests} manifests; refusing to resolve them all`);
      }
      const at = `${where} manifests[${all.indexOf(descriptor)}]`;
      const path = blobPath(descriptor.digest, at);
      const manifest = doc(archive, path, `the manifest of ${at}`);
      const mediaType = isObject(manifest) ? manifest.mediaType ?? descriptor.mediaType : descriptor.mediaType;
      if (indexTypes.has(String(mediaType)) || (isObject(manifest) && Array.isArray(manifest.manifests))) {
        if (depth > 4) throw new AnalysisError('badManifest', `${at}: indexes nested too deeply`);
        yield* visit(manifest, path, depth + 1);
        continue;
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
      const annotations = isObject(descriptor.annotations) ? descriptor.annotations : {};
      const name = annotations['io.containerd.image.name'] ?? annotations['org.opencontainers.image.ref.name'];
      yield checkCounts({
        id: String(manifest.config.digest),
        repoTags: typeof name === 'string' ? [name] : [],
        layout: 'oci', config, diffIds,
        layerPaths: layers.map((l) => l.path),
        blobDigests: layers.map((l) => l.digest),
      }, path);
    }
  }
  yield* visit(doc(archive, 'index.json', 'index.json'), 'index.json', 0);
}

export interface ResolveOptions {
  /** Manifests and indexes to resolve at most (see AnalysisLimits.maxManifests). */
  maxManifests: number;
  platform?: string;
}

/** The images of the archive, in archive order, each resolved only when the caller asks for the next. */
export function* resolveImages(archive: ArchiveDocs, options: ResolveOptions): Generator<ResolvedImage> {
  const has = (p: string): boolean => archive.files.has(p) || archive.raw.has(p) || archive.parsed.has(p);
  const hasOci = has('index.json') || has('oci-layout');
  let count = 0;
  const images = has('manifest.json') ? fromManifestJson(archive, hasOci ? 'oci' : 'legacy')
    : has('index.json') ? fromOciIndex(archive, { budget: options.maxManifests, maxManifests: options.maxManifests, platform: options.platform })
      : undefined;
  if (!images) {
    throw new AnalysisError('missingManifest',
      'not an image archive: neither manifest.json (docker save) nor index.json (OCI layout) is in it');
  }
  for (const image of images) { count++; yield image; }
  if (count === 0) throw new AnalysisError('missingManifest', 'the archive lists no image');
}

/** The image `wanted` names (a RepoTag, `name` meaning `name:latest`, an ID or ID prefix); the first when undefined. */
export function pickImage(images: Iterable<ResolvedImage>, wanted: string | undefined): ResolvedImage {
  const withTag = wanted === undefined || /:[^/]+$/.test(wanted) ? wanted : `${wanted}:latest`;
  const bare = wanted?.replace(/^sha256:/, '') ?? '';
  const byId = /^[a-f0-9]{4,64}$/.test(bare);
  const names: string[] = [];
  let byIdFound: ResolvedImage | undefined;
  for (const img of images) {
    if (wanted === undefined || wanted === '') return img;
    if (img.repoTags.includes(wanted) || img.repoTags.includes(withTag!)) return img;
    if (byId && !byIdFound && img.id.replace(/^sha256:/, '').startsWith(bare)) byIdFound = img;
    if (names.length < 20) names.push(img.repoTags[0] ?? img.id);
  }
  if (byIdFound) return byIdFound;
  throw new AnalysisError('imageNotFound', `the archive holds no image named '${wanted}' (it holds: ${names.join(', ')})`);
}
