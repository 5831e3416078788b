// Builds image archives in memory from a compact description, for the analysis unit tests:
// legacy `docker save` or OCI layout, layers plain, gzip or zstd (the Debian `zstd` binary).
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import * as tar from 'tar-stream';

export interface TestEntry {
  path: string;
  type?: 'file' | 'dir' | 'symlink' | 'link';
  /** File content; a number makes that many bytes. */
  content?: string | Buffer | number;
  mode?: number;
  uid?: number;
  gid?: number;
  linkname?: string;
}

export interface TestLayer {
  entries: TestEntry[];
  /** A prebuilt layer tar used instead of `entries` (raw headers the tar-stream packer cannot write). */
  raw?: Buffer;
  compression?: 'none' | 'gzip' | 'zstd';
  createdBy?: string;
}

export interface TestImage {
  layers: TestLayer[];
  /**
   * legacy: docker save (`<id>/layer.tar`, `<hex>.json`); oci (+manifest: Docker 25+);
   * docker-archive: skopeo/podman (`<hex>.tar` layers and `<hex>.json` config at the root);
   * crane: go-containerregistry tarball (`<hex>.tar.gz` layers, config named `sha256:<hex>`).
   */
  layout?: 'legacy' | 'oci' | 'oci+manifest' | 'docker-archive' | 'crane';
  tags?: string[];
  /** History as written in the config; default one entry per layer from createdBy. */
  history?: { created_by: string; empty_layer?: boolean; comment?: string }[];
  /** Where manifest/index/config go in the archive: before or after the layers. */
  metadata?: 'first' | 'last';
  /** Override the config's diff_ids. */
  diffIds?: string[];
  /** Legacy layout as Docker 25+ writes it: `<id>/layer.tar` is a symlink to `../blobs/sha256/<hex>`. */
  layerSymlinks?: boolean;
}

export const file = (path: string, content: string | number | Buffer, mode = 0o644): TestEntry => ({ path, type: 'file', content, mode });
export const dir = (path: string, mode = 0o755): TestEntry => ({ path, type: 'dir', mode });
export const symlink = (path: string, linkname: string): TestEntry => ({ path, type: 'symlink', linkname, mode: 0o777 });
export const hardlink = (path: string, linkname: string): TestEntry => ({ path, type: 'link', linkname, mode: 0o644 });
export const whiteout = (path: string): TestEntry => {
  const slash = path.lastIndexOf('/');
  return file(`${path.slice(0, slash + 1)}.wh.${path.slice(slash + 1)}`, '', 0o644);
};
export const opaque = (dirPath: string): TestEntry => file(`${dirPath}/.wh..wh..opq`, '', 0o644);

export const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

function contentOf(entry: TestEntry): Buffer {
  const c = entry.content ?? '';
  if (typeof c === 'number') return Buffer.alloc(c, 0x61);
  return Buffer.isBuffer(c) ? c : Buffer.from(c);
}

/** A tar of [name, body | header-only] entries, as one Buffer. */
export async function buildTar(entries: { header: tar.Header | Partial<tar.Header> & { name: string }; body?: Buffer }[]): Promise<Buffer> {
  const pack = tar.pack();
  const chunks: Buffer[] = [];
  const done = (async () => { for await (const c of pack) chunks.push(c as Buffer); })();
  for (const { header, body } of entries) {
    await new Promise<void>((resolve, reject) => {
      pack.entry(header, body ?? Buffer.alloc(0), (err) => (err ? reject(err) : resolve()));
    });
  }
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}

export async function layerTar(entries: TestEntry[]): Promise<Buffer> {
  return buildTar(entries.map((e) => {
    const type = e.type ?? 'file';
    const body = type === 'file' ? contentOf(e) : undefined;
    return {
      header: {
        name: type === 'dir' && !e.path.endsWith('/') ? `${e.path}/` : e.path,
        type: type === 'dir' ? 'directory' : type,
        mode: e.mode ?? (type === 'dir' ? 0o755 : 0o644),
        uid: e.uid ?? 0, gid: e.gid ?? 0, mtime: new Date(0),
        ...(e.linkname !== undefined ? { linkname: e.linkname } : {}),
        size: body?.length ?? 0,
      },
      body,
    };
  }));
}

export function compress(data: Buffer, compression: TestLayer['compression']): Buffer {
  if (compression === 'gzip') return gzipSync(data);
  if (compression === 'zstd') return execFileSync('zstd', ['-q', '-c', '-3'], { input: data, maxBuffer: 1 << 30 });
  return data;
}

export interface BuiltImage {
  archive: Buffer;
  diffIds: string[];
  configDigest: string;
}

/** The whole archive of one image, as `docker save` (legacy) or an OCI layout would write it. */
export async function buildImageArchive(image: TestImage): Promise<BuiltImage> {
  const layout = image.layout ?? 'legacy';
  const layers = await Promise.all(image.layers.map(async (l) => {
    const raw = l.raw ?? await layerTar(l.entries);
    const blob = layout === 'legacy' ? raw : compress(raw, l.compression);
    const diffHex = sha256(raw);
    return { raw, blob, diffId: `sha256:${diffHex}`, blobHex: sha256(blob), createdBy: l.createdBy };
  }));
  const diffIds = image.diffIds ?? layers.map((l) => l.diffId);
  const history = image.history ?? layers.map((l, i) => ({ created_by: l.createdBy ?? `/bin/sh -c #(nop) COPY layer${i} /` }));
  const config = Buffer.from(JSON.stringify({
    architecture: 'amd64', os: 'linux', created: '2026-01-01T00:00:00Z',
    config: {}, rootfs: { type: 'layers', diff_ids: diffIds },
    history: history.map((h) => ({ created: '2026-01-01T00:00:00Z', ...h })),
  }));
  const configHex = sha256(config);
  const tags = image.tags ?? ['test/image:1'];

  const layerFiles: { name: string; body: Buffer }[] = [];
  const metaFiles: { name: string; body: Buffer }[] = [];
  const links: { name: string; linkname: string }[] = [];
  if (layout === 'docker-archive' || layout === 'crane') {
    const layerName = (l: { blobHex: string }) => (layout === 'crane' ? `${l.blobHex}.tar.gz` : `${l.blobHex}.tar`);
    const configName = layout === 'crane' ? `sha256:${configHex}` : `${configHex}.json`;
    layers.forEach((l) => layerFiles.push({ name: layerName(l), body: l.blob }));
    metaFiles.push({ name: configName, body: config });
    metaFiles.push({
      name: 'manifest.json',
      body: Buffer.from(JSON.stringify([{ Config: configName, RepoTags: tags, Layers: layers.map(layerName) }])),
    });
  } else if (layout === 'legacy') {
    layers.forEach((l) => {
      if (image.layerSymlinks) {
        layerFiles.push({ name: `blobs/sha256/${l.blobHex}`, body: l.blob });
        links.push({ name: `${l.blobHex}/layer.tar`, linkname: `../blobs/sha256/${l.blobHex}` });
      } else {
        layerFiles.push({ name: `${l.blobHex}/layer.tar`, body: l.blob });
      }
      layerFiles.push({ name: `${l.blobHex}/VERSION`, body: Buffer.from('1.0') });
    });
    metaFiles.push({ name: `${configHex}.json`, body: config });
    metaFiles.push({
      name: 'manifest.json',
      body: Buffer.from(JSON.stringify([{ Config: `${configHex}.json`, RepoTags: tags, Layers: layers.map((l) => `${l.blobHex}/layer.tar`) }])),
    });
  } else {
    const mediaType = (c: TestLayer['compression']): string => `application/vnd.oci.image.layer.v1.tar${c === 'gzip' ? '+gzip' : c === 'zstd' ? '+zstd' : ''}`;
    const manifest = Buffer.from(JSON.stringify({
      schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: `sha256:${configHex}`, size: config.length },
      layers: layers.map((l, i) => ({ mediaType: mediaType(image.layers[i].compression), digest: `sha256:${l.blobHex}`, size: l.blob.length })),
    }));
    const manifestHex = sha256(manifest);
    layers.forEach((l) => layerFiles.push({ name: `blobs/sha256/${l.blobHex}`, body: l.blob }));
    metaFiles.push({ name: 'oci-layout', body: Buffer.from('{"imageLayoutVersion":"1.0.0"}') });
    metaFiles.push({ name: `blobs/sha256/${configHex}`, body: config });
    metaFiles.push({ name: `blobs/sha256/${manifestHex}`, body: manifest });
    metaFiles.push({
      name: 'index.json',
      body: Buffer.from(JSON.stringify({
        schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests: [{
          mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: `sha256:${manifestHex}`, size: manifest.length,
          annotations: { 'io.containerd.image.name': tags[0], 'org.opencontainers.image.ref.name': tags[0].split(':')[1] ?? 'latest' },
        }],
      })),
    });
    if (layout === 'oci+manifest') {
      metaFiles.push({
        name: 'manifest.json',
        body: Buffer.from(JSON.stringify([{ Config: `blobs/sha256/${configHex}`, RepoTags: tags, Layers: layers.map((l) => `blobs/sha256/${l.blobHex}`) }])),
      });
    }
  }
  const files = image.metadata === 'last' ? [...layerFiles, ...metaFiles] : [...metaFiles, ...layerFiles];
  const archive = await buildTar([
    ...files.map((f) => ({ header: { name: f.name, type: 'file' as const, mode: 0o644, size: f.body.length, mtime: new Date(0) }, body: f.body })),
    ...links.map((l) => ({ header: { name: l.name, type: 'symlink' as const, linkname: l.linkname, mode: 0o777, size: 0, mtime: new Date(0) } })),
  ]);
  return { archive, diffIds: layers.map((l) => l.diffId), configDigest: `sha256:${configHex}` };
}

/** A Readable of `data` in small chunks, so every parser boundary gets exercised. */
export function chunked(data: Buffer, size = 997): Readable {
  let offset = 0;
  return new Readable({
    read() {
      if (offset >= data.length) { this.push(null); return; }
      this.push(data.subarray(offset, offset + size));
      offset += size;
    },
  });
}

/** Every regular file of a tar, in order (to take a built archive apart and rebuild it changed). */
export async function readTarFiles(archive: Buffer): Promise<{ name: string; body: Buffer }[]> {
  const extract = tar.extract();
  const files: { name: string; body: Buffer }[] = [];
  const done = (async () => {
    for await (const e of extract) {
      const chunks: Buffer[] = [];
      for await (const c of e) chunks.push(c as Buffer);
      if (e.header.type === 'file') files.push({ name: e.header.name, body: Buffer.concat(chunks) });
    }
  })();
  extract.end(archive);
  await done;
  return files;
}

export const tarOfFiles = (files: { name: string; body: Buffer }[]): Promise<Buffer> =>
  buildTar(files.map((f) => ({ header: { name: f.name, size: f.body.length, type: 'file' as const, mode: 0o644 }, body: f.body })));

/** One raw 512-byte tar header; `magic` 'ustar' (POSIX) or 'gnu'. Numbers octal unless `base256Size`. */
export function rawHeader(o: {
  name: string | Buffer; type: string; size?: number; linkname?: string; prefix?: string; magic?: 'ustar' | 'gnu'; base256Size?: boolean;
  /** Bytes written at an offset after the fields above (GNU sparse fields), before the checksum. */
  extra?: { offset: number; bytes: Buffer }[];
}): Buffer {
  const b = Buffer.alloc(512);
  (Buffer.isBuffer(o.name) ? o.name : Buffer.from(o.name)).copy(b, 0, 0, 100);
  b.write('0000644\0', 100);
  b.write('0000000\0', 108);
  b.write('0000000\0', 116);
  const size = o.size ?? 0;
  if (o.base256Size) {
    b[124] = 0x80;
    b.writeUIntBE(size, 130, 6);
  } else {
    b.write(size.toString(8).padStart(11, '0') + '\0', 124);
  }
  b.write('00000000000\0', 136);
  b.write(o.type, 156);
  if (o.linkname) b.write(o.linkname, 157, 100, 'utf8');
  if (o.magic === 'gnu') b.write('ustar  \0', 257, 'latin1');
  else { b.write('ustar\0', 257, 'latin1'); b.write('00', 263); }
  if (o.prefix) b.write(o.prefix, 345, 155, 'utf8');
  for (const { offset, bytes } of o.extra ?? []) bytes.copy(b, offset);
  b.fill(0x20, 148, 156);
  let sum = 0;
  for (const byte of b) sum += byte;
  b.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'latin1');
  return b;
}

/** `data` padded with zeros to a whole number of 512-byte blocks. */
export const padBlock = (data: Buffer): Buffer => Buffer.concat([data, Buffer.alloc((512 - (data.length % 512)) % 512)]);

/** One PAX record (`LEN key=value\n`, the length counting its own digits). */
export function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  const bytes = Buffer.byteLength(body);
  let length = bytes + 1;
  while (String(length).length + bytes !== length) length++;
  return `${length}${body}`;
}

/** A layer tar made on the fly: `count` empty files named by `nameOf` (GNU long names), never whole in memory. */
export function lazyLayer(count: number, nameOf: (i: number) => string): { size: number; chunks: () => Generator<Buffer> } {
  const entryBytes = (name: string): number => (name.length > 99 ? 1024 + Math.ceil((name.length + 1) / 512) * 512 : 512);
  let size = 1024;
  for (let i = 0; i < count; i++) size += entryBytes(nameOf(i));
  return {
    size,
    *chunks() {
      // Headers repeat (same long-name length, same first 99 bytes): build each kind once.
      const headers = new Map<string, Buffer>();
      const header = (name: string, type: string, size: number): Buffer => {
        const key = `${type}${size}:${name}`;
        let h = headers.get(key);
        if (!h) { h = rawHeader({ name, type, size, magic: 'gnu' }); if (headers.size < 4096) headers.set(key, h); }
        return h;
      };
      let batch: Buffer[] = [];
      for (let i = 0; i < count; i++) {
        const name = nameOf(i);
        if (name.length > 99) batch.push(header('././@LongLink', 'L', name.length + 1), padBlock(Buffer.from(`${name}\0`, 'latin1')));
        batch.push(header(name.slice(0, 99), '0', 0));
        if (batch.length >= 256) { yield Buffer.concat(batch); batch = []; }
      }
      batch.push(Buffer.alloc(1024));
      yield Buffer.concat(batch);
    },
  };
}

/**
 * A legacy archive streamed from parts: small files (manifest, config, …) first, then big files
 * produced on the fly (`chunks` must yield exactly `size` bytes).
 */
export function streamedArchive(small: { name: string; body: Buffer }[], big: { name: string; size: number; chunks: () => Iterable<Buffer> }[]): Readable {
  function* parts(): Generator<Buffer> {
    for (const f of small) yield Buffer.concat([rawHeader({ name: f.name, type: '0', size: f.body.length }), padBlock(f.body)]);
    for (const f of big) {
      yield rawHeader({ name: f.name, type: '0', size: f.size });
      for (const chunk of f.chunks()) yield chunk;
      yield Buffer.alloc((512 - (f.size % 512)) % 512);
    }
    yield Buffer.alloc(1024);
  }
  return Readable.from(parts(), { objectMode: false });
}

/** A config for `layers` layer diff IDs (unchecked unless the test asks), as JSON bytes. */
export const configJson = (diffIds: string[]): Buffer => Buffer.from(JSON.stringify({
  architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: diffIds },
  history: diffIds.map(() => ({ created_by: '/bin/sh -c #(nop) COPY x /' })),
}));
