// Bad input ends with a clear AnalysisError, never a crash or a hang.
import * as assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { AnalysisError, analyzeImage, type AnalysisErrorCode } from '../../../src/analysis';
import { buildImageArchive, buildTar, chunked, compress, dir, file, layerTar, readTarFiles, sha256, tarOfFiles, type TestImage } from './imageArchive';

async function rejects(input: Readable | Buffer, code: AnalysisErrorCode, message: RegExp, options = {}): Promise<void> {
  await assert.rejects(analyzeImage(Buffer.isBuffer(input) ? chunked(input) : input, options), (err: unknown) => {
    assert.ok(err instanceof AnalysisError, `expected an AnalysisError, got ${String(err)}`);
    assert.equal(err.code, code, err.message);
    assert.match(err.message, message);
    return true;
  });
}

const simple = (over: Partial<TestImage> = {}): TestImage => ({
  layers: [{ entries: [dir('a'), file('a/x', 2000)] }, { entries: [file('b', 10)] }], ...over,
});

/** An OCI archive whose one layer blob is replaced by `blob` (under the name the manifest expects). */
async function ociWithBlob(blob: Buffer, compression: 'gzip' | 'zstd' | 'none' = 'gzip'): Promise<Buffer> {
  const built = await buildImageArchive({ layout: 'oci', layers: [{ compression, entries: [file('x', 1)] }] });
  const name = `blobs/sha256/${sha256(compress(await layerTar([file('x', 1)]), compression))}`;
  const files = await readTarFiles(built.archive);
  files.find((f) => f.name === name)!.body = blob;
  return tarOfFiles(files);
}

describe('analysis: malformed input', () => {
  it('a truncated archive (cut inside a layer) is "truncated"', async () => {
    const { archive } = await buildImageArchive(simple({ metadata: 'last' }));
    await rejects(archive.subarray(0, 1800), 'truncated', /truncated/);
  });

  it('an archive whose entries are complete but whose end-of-archive blocks are missing is read, with a warning', async () => {
    const { archive } = await buildImageArchive(simple());
    const a = await analyzeImage(chunked(archive.subarray(0, archive.length - 1024)));
    assert.equal(a.sizeBytes, 2010);
    assert.equal(a.warnings?.length, 1);
    assert.match(a.warnings![0], /the archive has no end-of-archive marker; every entry in it is complete/);
    assert.equal((await analyzeImage(chunked(archive))).warnings, undefined);
  });

  it('a layer tar without its end-of-archive blocks is read with a warning; one cut inside an entry stays an error', async () => {
    const layer = await layerTar([file('x', 1)]);
    const lenient = await analyzeImage(chunked(await ociWithBlob(layer.subarray(0, layer.length - 1024), 'none')), { verifyDiffIds: false });
    assert.equal(lenient.sizeBytes, 1);
    assert.deepEqual(lenient.layers[0].changes.map((c) => c.path), ['x']);
    assert.match(lenient.warnings!.join('\n'), /layer 0 \(blobs\/sha256\/[0-9a-f]+\) has no end-of-archive marker/);
    await rejects(await ociWithBlob(layer.subarray(0, 700), 'none'), 'truncated', /ends in the middle of an entry/, { verifyDiffIds: false });
    await rejects(await ociWithBlob(gzipSync(layer.subarray(0, 700))), 'truncated', /ends in the middle of an entry/, { verifyDiffIds: false });
  });

  it('a truncated gzip layer is "badCompression" naming the layer', async () => {
    const good = gzipSync(await layerTar([file('x', 1)]));
    await rejects(await ociWithBlob(good.subarray(0, good.length - 8)), 'badCompression', /layer blobs\/sha256\/[0-9a-f]+: the gzip data/);
  });

  it('corrupt gzip data is "badCompression"', async () => {
    const good = gzipSync(await layerTar([file('x', 5000)]));
    const bad = Buffer.from(good);
    for (let i = 20; i < bad.length - 10; i++) bad[i] ^= 0x5a;
    await rejects(await ociWithBlob(bad), 'badCompression', /gzip/);
  });

  it('corrupt or truncated zstd data is "badCompression"', async () => {
    const good = compress(await layerTar([file('x', 5000)]), 'zstd');
    await rejects(await ociWithBlob(good.subarray(0, good.length - 6), 'zstd'), 'badCompression', /zstd/);
    const bad = Buffer.from(good);
    for (let i = 8; i < bad.length; i++) bad[i] = 0xff;
    await rejects(await ociWithBlob(bad, 'zstd'), 'badCompression', /zstd/);
  });

  it('a layer that is not a tar after decompression is "notTar"', async () => {
    await rejects(await ociWithBlob(gzipSync(Buffer.alloc(4096, 0x41))), 'notTar', /not a tar archive after gzip/);
  });

  it('xz and bzip2 layers are named as unsupported', async () => {
    await rejects(await ociWithBlob(Buffer.concat([Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]), Buffer.alloc(600)])), 'badCompression', /xz compression is not supported/);
  });

  it('an archive without manifest.json or index.json is "missingManifest"', async () => {
    const tarball = await buildTar([{ header: { name: 'hello.txt', size: 5, type: 'file' }, body: Buffer.from('hello') }]);
    await rejects(tarball, 'missingManifest', /neither manifest\.json .* nor index\.json/);
  });

  it('a layer referenced by the manifest but absent is "missingLayer"', async () => {
    const { archive } = await buildImageArchive(simple());
    const files = await readTarFiles(archive);
    const dropped = files.find((f) => f.name.endsWith('/layer.tar'))!.name;
    const kept = files.filter((f) => f.name !== dropped);
    await rejects(await tarOfFiles(kept), 'missingLayer', new RegExp(`layer 0 \\(${dropped.replace('.', '\\.')}.*absent from the archive`));
  });

  it('a config missing from the archive is a clear error', async () => {
    const manifest = Buffer.from(JSON.stringify([{ Config: 'abc.json', RepoTags: [], Layers: [] }]));
    await rejects(await buildTar([{ header: { name: 'manifest.json', size: manifest.length, type: 'file' }, body: manifest }]),
      'missingManifest', /config of manifest\.json entry 0 \(abc\.json\) is referenced but absent/);
  });

  it('malformed manifest JSON is "badManifest"', async () => {
    const manifest = Buffer.from('[{"Config": ');
    await rejects(await buildTar([{ header: { name: 'manifest.json', size: manifest.length, type: 'file' }, body: manifest }]), 'badManifest', /not valid JSON/);
  });

  it('a layer entry with ../ is rejected as "unsafePath"; absolute paths are read from the root', async () => {
    const evil = await buildImageArchive({ layers: [{ entries: [file('../../etc/passwd', 3)] }] });
    await rejects(evil.archive, 'unsafePath', /'\.\.\/\.\.\/etc\/passwd' contains '\.\.'/);
    const absolute = await buildImageArchive({ layers: [{ entries: [file('/etc/passwd', 3), file('./bin//sh', 1)] }] });
    const a = await analyzeImage(chunked(absolute.archive));
    assert.deepEqual(a.layers[0].changes.map((c) => c.path), ['etc', 'etc/passwd', 'bin', 'bin/sh']);
  });

  it('a hard link pointing outside with ../ is rejected', async () => {
    const evil = await buildImageArchive({ layers: [{ entries: [{ path: 'h', type: 'link', linkname: '../x' }] }] });
    await rejects(evil.archive, 'unsafePath', /contains '\.\.'/);
  });

  it('../ in the outer archive is rejected', async () => {
    await rejects(await buildTar([{ header: { name: '../manifest.json', size: 2, type: 'file' }, body: Buffer.from('[]') }]), 'unsafePath', /archive: entry '\.\.\/manifest\.json'/);
  });

  it('input that is not a tar is "notTar"; empty input too', async () => {
    await rejects(Buffer.alloc(4096, 0x7a), 'notTar', /not a tar archive/);
    await rejects(gzipSync(Buffer.alloc(4096, 0x7a)), 'notTar', /not a tar archive/);
    await rejects(Buffer.alloc(0), 'notTar', /empty/);
  });

  it('a layer whose content does not match its diff ID is "digestMismatch" (unless verification is off)', async () => {
    const built = await buildImageArchive(simple({ diffIds: [`sha256:${'0'.repeat(64)}`, `sha256:${'1'.repeat(64)}`] }));
    await rejects(built.archive, 'digestMismatch', /layer 0 .* the config expects sha256:0000/);
    const a = await analyzeImage(chunked(built.archive), { verifyDiffIds: false });
    assert.equal(a.layers[0].digest, `sha256:${'0'.repeat(64)}`);
  });

  it('more diff_ids than layers is "badManifest"', async () => {
    const built = await buildImageArchive(simple({ diffIds: ['sha256:aa', 'sha256:bb', 'sha256:cc'] }));
    await rejects(built.archive, 'badManifest', /lists 2 layers but its config has 3 diff_ids/);
  });

  it('entry and path-length caps stop hostile archives early', async () => {
    const many = await buildImageArchive({ layers: [{ entries: Array.from({ length: 200 }, (_, i) => file(`f${i}`, 1)) }] });
    await rejects(many.archive, 'limit', /^this archive holds 204 entries; the limit is 100 — raise it with --max-entries$/, { limits: { maxEntries: 100 } });
    const long = await buildImageArchive({ layers: [{ entries: [file(`${'d/'.repeat(100)}x`, 1)] }] });
    await rejects(long.archive, 'limit', /longer than 64 characters/, { limits: { maxPathLength: 64 } });
  });

  it('JSON documents are capped one by one and in total', async () => {
    const big = Buffer.from(JSON.stringify({ pad: 'x'.repeat(3000) }));
    const many = Array.from({ length: 5 }, (_, i) => ({ header: { name: `doc${i}.json`, size: big.length, type: 'file' as const }, body: big }));
    await rejects(await buildTar(many), 'limit', /JSON documents exceed 8000 bytes in total/, { limits: { maxJsonBytes: 4000 } });
    const manifest = [{ header: { name: 'manifest.json', size: big.length, type: 'file' as const }, body: big }];
    await rejects(await buildTar(manifest), 'limit', /manifest\.json \(manifest\.json\) is \d+ bytes, more than the 2000 allowed/, { limits: { maxJsonBytes: 2000 } });
  });

  it('symlink targets are capped like paths', async () => {
    const long = await buildImageArchive({ layers: [{ entries: [{ path: 'l', type: 'symlink', linkname: 'x'.repeat(90) }] }] });
    await rejects(long.archive, 'limit', /symlink target of 'l' is longer than 80 characters/, { limits: { maxPathLength: 80 } });
  });

  it('an unknown image name is "imageNotFound" listing what is there', async () => {
    const { archive } = await buildImageArchive(simple());
    await rejects(archive, 'imageNotFound', /no image named 'other:1' \(it holds: test\/image:1\)/, { image: 'other:1' });
  });

  it('an abort stops the analysis with "aborted" and destroys the input', async () => {
    const { archive } = await buildImageArchive(simple());
    const controller = new AbortController();
    let served = 0;
    const input = new Readable({
      read() {
        if (served === 0) { served++; this.push(archive.subarray(0, 1536)); setTimeout(() => controller.abort(), 10); }
        // then stall: only the abort can end the analysis
      },
    });
    await rejects(input, 'aborted', /cancelled/, { signal: controller.signal });
    assert.equal(input.destroyed, true);
    const already = new AbortController();
    already.abort();
    await rejects(chunked(archive), 'aborted', /cancelled/, { signal: already.signal });
  });

  it('an error of the input stream itself is reported, not thrown raw', async () => {
    const { archive } = await buildImageArchive(simple());
    const input = new Readable({
      read() { this.push(archive.subarray(0, 2048)); this.destroy(new Error('socket hang up')); },
    });
    await rejects(input, 'truncated', /reading the archive failed: socket hang up/);
  });
});
