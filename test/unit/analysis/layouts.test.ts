// The same image read from every archive layout and layer compression gives the same analysis.
import * as assert from 'node:assert/strict';
import { analyzeArchive, analyzeImage, type ImageAnalysis } from '../../../src/analysis';
import { buildImageArchive, chunked, compress, readTarFiles, sha256, tarOfFiles, dir, file, opaque, whiteout, type TestImage, type TestLayer } from './imageArchive';

const layers = (compression: TestLayer['compression']): TestLayer[] => [
  { compression, entries: [dir('bin'), file('bin/tool', 5000, 0o755), dir('data'), file('data/a', 300), file('data/b', 200)], createdBy: '/bin/sh -c #(nop) COPY dir:abc in / ' },
  { compression, entries: [dir('data'), whiteout('data/a'), file('data/c', 100)], createdBy: '/bin/sh -c rm data/a && echo c > data/c' },
  { compression, entries: [dir('data'), opaque('data'), file('data/d', 7)], createdBy: 'RUN /bin/sh -c make # buildkit' },
];

function summary(a: ImageAnalysis): unknown {
  return {
    layers: a.layers.map((l) => ({ digest: l.digest, createdBy: l.createdBy, size: l.sizeBytes, tar: l.tarBytes, added: l.added, modified: l.modified, removed: l.removed, wasted: l.wastedBytes, changes: l.changes })),
    sizeBytes: a.sizeBytes, wastedBytes: a.wastedBytes, efficiency: a.efficiency, inefficiencies: a.inefficiencies, largestFiles: a.largestFiles,
  };
}

describe('analysis: archive layouts and compressions', () => {
  let reference: ImageAnalysis;
  before(async () => {
    const built = await buildImageArchive({ layers: layers('none'), layout: 'legacy' });
    reference = await analyzeImage(chunked(built.archive));
  });

  it('reads a legacy docker save archive', () => {
    assert.equal(reference.layout, 'legacy');
    assert.equal(reference.image, 'test/image:1');
    assert.deepEqual(reference.layers.map((l) => l.createdBy), ['COPY dir:abc in /', 'RUN rm data/a && echo c > data/c', 'RUN make']);
    assert.equal(reference.wastedBytes, 300 + 200 + 100);
    assert.equal(reference.sizeBytes, 5607);
    assert.deepEqual(reference.layers.map((l) => [l.added, l.modified, l.removed]), [[5, 0, 0], [1, 0, 1], [1, 1, 2]]);
    assert.ok(reference.layers.every((l) => l.compression === 'none' && l.blobDigest === l.digest));
  });

  const variants: [string, TestImage][] = [
    ['OCI, plain layers', { layers: layers('none'), layout: 'oci' }],
    ['OCI, gzip layers', { layers: layers('gzip'), layout: 'oci' }],
    ['OCI, zstd layers', { layers: layers('zstd'), layout: 'oci' }],
    ['OCI with manifest.json (Docker 25+), gzip', { layers: layers('gzip'), layout: 'oci+manifest' }],
    ['OCI, mixed compressions', { layers: [layers('zstd')[0], layers('gzip')[1], layers('none')[2]], layout: 'oci' }],
    ['legacy, manifest and config after the layers', { layers: layers('none'), layout: 'legacy', metadata: 'last' }],
    ['legacy with layer.tar symlinks into blobs/ (Docker 25+)', { layers: layers('none'), layout: 'legacy', layerSymlinks: true }],
    ['OCI zstd, index, manifest and config after the layers', { layers: layers('zstd'), layout: 'oci', metadata: 'last' }],
    ...(['none', 'gzip', 'zstd'] as const).flatMap((c): [string, TestImage][] => [
      [`a skopeo/podman docker-archive (<digest>.tar layers, <digest>.json config), ${c} layers`, { layers: layers(c), layout: 'docker-archive' }],
      [`a crane/kaniko tarball (<digest>.tar.gz layers, config named sha256:<hex>), ${c} layers`, { layers: layers(c), layout: 'crane', metadata: 'last' }],
    ]),
  ];
  for (const [name, image] of variants) {
    it(`reads ${name} to the same result`, async () => {
      const built = await buildImageArchive(image);
      const a = await analyzeImage(chunked(built.archive, 4096));
      assert.deepEqual(summary(a), summary(reference));
      assert.equal(a.layout, image.layout === 'legacy' || image.layout === 'docker-archive' || image.layout === 'crane' ? 'legacy' : 'oci');
      assert.equal(a.id, built.configDigest);
      const expected = image.layers.map((l) => l.compression ?? 'none');
      assert.deepEqual(a.layers.map((l) => l.compression), image.layout === 'legacy' ? ['none', 'none', 'none'] : expected);
      if (image.layout === 'oci' || image.layout === 'oci+manifest') assert.ok(a.layers.every((l) => l.blobBytes > 0 && l.blobDigest.startsWith('sha256:')));
    });
  }

  it('reads a compressed archive (docker save | gzip, or zstd) as is', async () => {
    const built = await buildImageArchive({ layers: layers('none'), layout: 'legacy' });
    for (const compression of ['gzip', 'zstd'] as const) {
      const a = await analyzeImage(chunked(compress(built.archive, compression)));
      assert.deepEqual(summary(a), summary(reference));
    }
  });

  it('follows a nested OCI index (multi-platform) and skips attestation manifests', async () => {
    const built = await buildImageArchive({ layers: layers('gzip'), layout: 'oci' });
    const files = await readTarFiles(built.archive);
    const index = files.find((f) => f.name === 'index.json')!;
    const inner = JSON.parse(index.body.toString());
    inner.manifests.unshift({
      mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: `sha256:${'e'.repeat(64)}`, size: 1,
      annotations: { 'vnd.docker.reference.type': 'attestation-manifest' },
    });
    const innerBody = Buffer.from(JSON.stringify(inner));
    const innerHex = sha256(innerBody);
    files.push({ name: `blobs/sha256/${innerHex}`, body: innerBody });
    index.body = Buffer.from(JSON.stringify({
      schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [{ mediaType: 'application/vnd.oci.image.index.v1+json', digest: `sha256:${innerHex}`, size: innerBody.length }],
    }));
    const a = await analyzeImage(chunked(await tarOfFiles(files)));
    assert.deepEqual(summary(a), summary(reference));
    assert.equal(a.id, built.configDigest);
  });

  it('maps history to layers, skipping empty_layer entries', async () => {
    const built = await buildImageArchive({
      layers: layers('none').slice(0, 2),
      history: [
        { created_by: '/bin/sh -c #(nop) ADD file:123 in / ' },
        { created_by: '/bin/sh -c #(nop)  ENV A=b', empty_layer: true },
        { created_by: '/bin/sh -c #(nop)  CMD ["sh"]', empty_layer: true },
        { created_by: '|1 X=2 /bin/sh -c rm data/a', comment: 'why' },
        { created_by: '/bin/sh -c #(nop)  LABEL x=y', empty_layer: true },
      ],
    });
    const a = await analyzeImage(chunked(built.archive));
    assert.deepEqual(a.layers.map((l) => [l.historyIndex, l.createdBy]), [[0, 'ADD file:123 in /'], [3, 'RUN rm data/a']]);
    assert.deepEqual(a.history.map((h) => [h.createdBy, h.emptyLayer, h.layerIndex]), [
      ['ADD file:123 in /', false, 0], ['ENV A=b', true, undefined], ['CMD ["sh"]', true, undefined],
      ['RUN rm data/a', false, 1], ['LABEL x=y', true, undefined],
    ]);
    assert.equal(a.history[3].comment, 'why');
    assert.equal(a.history[3].createdByRaw, '|1 X=2 /bin/sh -c rm data/a');
  });

  it('picks an image by tag or ID prefix; analyzeArchive returns them all', async () => {
    const built = await buildImageArchive({ layers: layers('none'), tags: ['app:2', 'app:latest'] });
    assert.equal((await analyzeImage(chunked(built.archive), { image: 'app' })).image, 'app');
    assert.equal((await analyzeImage(chunked(built.archive), { image: built.configDigest.slice(7, 19) })).id, built.configDigest);
    const all = await analyzeArchive(chunked(built.archive));
    assert.equal(all.length, 1);
    assert.deepEqual(all[0].repoTags, ['app:2', 'app:latest']);
  });

  it('reports progress: bytes read grow to the archive size, layers are named', async () => {
    const built = await buildImageArchive({ layers: [{ entries: [file('big', 3 * 1024 * 1024)] }, ...layers('gzip')], layout: 'oci' });
    const seen: { bytesRead: number; currentLayer: string; layersRead: number }[] = [];
    await analyzeImage(chunked(built.archive, 65536), { onProgress: (p) => seen.push({ ...p }) });
    assert.ok(seen.length >= 5);
    assert.ok(seen.every((p, i) => i === 0 || p.bytesRead >= seen[i - 1].bytesRead));
    assert.equal(seen[seen.length - 1].bytesRead, built.archive.length);
    assert.equal(seen[seen.length - 1].layersRead, 4);
    assert.ok(seen.some((p) => p.currentLayer.startsWith('blobs/sha256/')));
  });
});
