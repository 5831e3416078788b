// Hostile archives, small on disk, each made to cost GBs or minutes: every one ends with a clear
// error or the right answer, in bounded memory (retained heap measured after a forced GC).
import * as assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { AnalysisError, analyzeArchive, analyzeImage, type AnalysisErrorCode } from '../../../src/analysis';
import { PathTrie } from '../../../src/analysis/pathTrie';
import {
  buildImageArchive, chunked, configJson, file, layerTar, lazyLayer, readTarFiles, sha256, streamedArchive, tarOfFiles,
} from './imageArchive';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const heapMb = (): number => { gc(); return process.memoryUsage().heapUsed / 1048576; };

async function rejectsWith(run: Promise<unknown>, code: AnalysisErrorCode, message: RegExp): Promise<void> {
  await assert.rejects(run, (err: unknown) => {
    assert.ok(err instanceof AnalysisError, String(err));
    assert.equal(err.code, code, err.message);
    assert.match(err.message, message);
    return true;
  });
}

describe('analysis: hostile archives stay bounded', function () {
  this.timeout(120_000);

  it('a 20,000-file layer listed 2,000 times is refused before it is replayed 2,000 times', async () => {
    const layer = await layerTar(Array.from({ length: 20_000 }, (_, i) => file(`f${i}`, '')));
    const diffId = `sha256:${sha256(layer)}`;
    const config = configJson(Array(2000).fill(diffId));
    const manifest = Buffer.from(JSON.stringify([{ Config: 'config.json', RepoTags: ['x:1'], Layers: Array(2000).fill('l/layer.tar') }]));
    const archive = await tarOfFiles([{ name: 'manifest.json', body: manifest }, { name: 'config.json', body: config }, { name: 'l/layer.tar', body: layer }]);
    assert.ok(archive.length < 12 * 1024 * 1024);
    const before = heapMb();
    await rejectsWith(analyzeImage(chunked(archive, 65536)), 'limit',
      /^this image's layers hold 40000000 entries \(a layer listed twice counts twice\); the limit is 5000000 — raise it with --max-entries$/);
    assert.ok(heapMb() - before < 50);
    // Within the cap the repeats are replayed, each one modifying what the one below wrote.
    const few = await tarOfFiles([
      { name: 'manifest.json', body: Buffer.from(JSON.stringify([{ Config: 'config.json', Layers: Array(3).fill('l/layer.tar') }])) },
      { name: 'config.json', body: configJson(Array(3).fill(diffId)) }, { name: 'l/layer.tar', body: layer },
    ]);
    const a = await analyzeImage(chunked(few, 65536));
    assert.deepEqual(a.layers.map((l) => [l.added, l.modified]), [[20_000, 0], [0, 20_000], [0, 20_000]]);
  });

  it('nested indexes with fan-out 32, five deep resolve along one path; an index listing too many images stops at the cap', async () => {
    const built = await buildImageArchive({ layout: 'oci', layers: [{ entries: [file('x', 3)], compression: 'gzip' }] });
    const files = await readTarFiles(built.archive);
    const index = files.find((f) => f.name === 'index.json')!;
    let target = JSON.parse(index.body.toString()).manifests[0];
    for (let level = 0; level < 5; level++) {
      const body = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: Array(32).fill(target) }));
      files.push({ name: `blobs/sha256/${sha256(body)}`, body });
      target = { mediaType: 'application/vnd.oci.image.index.v1+json', digest: `sha256:${sha256(body)}`, size: body.length };
    }
    index.body = Buffer.from(JSON.stringify({ schemaVersion: 2, manifests: [target] }));
    const archive = await tarOfFiles(files);
    assert.ok(archive.length < 64 * 1024);
    const a = await analyzeImage(chunked(archive));
    assert.equal(a.id, built.configDigest);
    assert.equal(a.sizeBytes, 3);
    assert.deepEqual((await analyzeArchive(chunked(archive))).map((i) => i.id), [built.configDigest]);
    index.body = Buffer.from(JSON.stringify({ schemaVersion: 2, manifests: Array(5000).fill(JSON.parse(index.body.toString()).manifests[0]) }));
    await rejectsWith(analyzeArchive(chunked(await tarOfFiles(files))), 'limit', /indexes list more than 4096 manifests/);
  });

  it('a multi-platform index resolves the platform asked for, else this process\'s, and names the ones it has', async () => {
    const amd = await buildImageArchive({ layout: 'oci', layers: [{ entries: [file('amd', 1)] }] });
    const arm = await buildImageArchive({ layout: 'oci', layers: [{ entries: [file('arm', 2)] }] });
    const files = [...await readTarFiles(amd.archive), ...(await readTarFiles(arm.archive)).filter((f) => f.name.startsWith('blobs/'))];
    const descriptor = async (archive: Buffer, architecture: string) => ({
      ...JSON.parse((await readTarFiles(archive)).find((f) => f.name === 'index.json')!.body.toString()).manifests[0], platform: { os: 'linux', architecture },
    });
    const list = Buffer.from(JSON.stringify({ schemaVersion: 2, manifests: [await descriptor(arm.archive, 'arm64'), await descriptor(amd.archive, 'amd64')] }));
    files.push({ name: `blobs/sha256/${sha256(list)}`, body: list });
    files.find((f) => f.name === 'index.json')!.body = Buffer.from(JSON.stringify({
      schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.index.v1+json', digest: `sha256:${sha256(list)}`, size: list.length }],
    }));
    const archive = await tarOfFiles(files);
    assert.equal((await analyzeImage(chunked(archive), { platform: 'linux/arm64' })).id, arm.configDigest);
    assert.equal((await analyzeImage(chunked(archive), { platform: 'linux/amd64' })).id, amd.configDigest);
    const host = process.arch === 'arm64' ? arm.configDigest : amd.configDigest;
    if (process.arch === 'x64' || process.arch === 'arm64') assert.equal((await analyzeImage(chunked(archive))).id, host);
    await rejectsWith(analyzeImage(chunked(archive), { platform: 'linux/s390x' }), 'imageNotFound', /no image for platform linux\/s390x \(it has: linux\/arm64, linux\/amd64\)/);
  });

  it('50,000 files with 4,000-byte names deep in shared directories cost their short names, not 200 MB of paths', async () => {
    const dirs = `${'d'.repeat(99)}/`.repeat(39);
    const layer = lazyLayer(50_000, (i) => `${dirs}file-${String(i).padStart(6, '0')}`);
    const input = streamedArchive([
      { name: 'manifest.json', body: Buffer.from(JSON.stringify([{ Config: 'c.json', Layers: ['layer.tar'] }])) },
      { name: 'c.json', body: configJson(['sha256:unchecked']) },
    ], [{ name: 'layer.tar', ...layer }]);
    const before = heapMb();
    const a = await analyzeImage(input, { verifyDiffIds: false });
    const retained = heapMb() - before;
    assert.equal(a.layers[0].added, 50_000 + 39);
    assert.equal(a.layers[0].changes[50_038].path, `${dirs}file-049999`);
    assert.ok(retained < 60, `retained ${retained.toFixed(0)} MB for 50,000 changes with 4,000-byte paths`);
    // Distinct names past the cap: a clear error, not a heap that grows with them.
    const wide = lazyLayer(3000, (i) => `${String(i).padStart(4, '0')}${'n'.repeat(3000)}`);
    await rejectsWith(analyzeImage(streamedArchive([
      { name: 'manifest.json', body: Buffer.from(JSON.stringify([{ Config: 'c.json', Layers: ['layer.tar'] }])) },
      { name: 'c.json', body: configJson(['sha256:unchecked']) },
    ], [{ name: 'layer.tar', ...wide }]), { verifyDiffIds: false, limits: { maxNameBytes: 1_000_000 } }), 'limit',
    /file names hold more than 1000000 bytes of distinct names; the limit is 1000000 — raise it with --max-name-bytes/);
  });

  it('unused JSON files are never parsed; a referenced one nested too deep or too many values is refused', async () => {
    const built = await buildImageArchive({ layers: [{ entries: [file('x', 5)] }] });
    const files = await readTarFiles(built.archive);
    const objects = Buffer.from(`[${'{},'.repeat(3_000_000)}{}]`);
    const deep = Buffer.from(`${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`);
    const before = heapMb();
    const a = await analyzeImage(chunked(await tarOfFiles([...files, { name: 'extra.json', body: objects }, { name: 'deep.json', body: deep }]), 1 << 20));
    assert.equal(a.sizeBytes, 5);
    assert.ok(heapMb() - before < 40, 'the 3,000,000 objects of extra.json were not built');
    const manifest = files.find((f) => f.name === 'manifest.json')!;
    const config = JSON.parse(manifest.body.toString())[0].Config;
    const swap = (body: Buffer) => tarOfFiles(files.map((f) => (f.name === config ? { name: f.name, body } : f)));
    await rejectsWith(analyzeImage(chunked(await swap(deep), 1 << 20), { verifyDiffIds: false }), 'limit', /config .* is nested more than 64 levels deep; refusing to parse it/);
    await rejectsWith(analyzeImage(chunked(await swap(objects), 1 << 20), { verifyDiffIds: false }), 'limit', /is more than 1000000 values/);
  });

  it('files alternating between two 2,000-deep directories cost one name lookup each, not 2,000', async () => {
    const deepA = 'a/'.repeat(2000);
    const deepB = 'b/'.repeat(2000);
    const count = 20_000;
    const layer = lazyLayer(count, (i) => `${i % 2 ? deepB : deepA}f${i}`);
    const lookups = PathTrie.prototype.childOf;
    let calls = 0;
    PathTrie.prototype.childOf = function (this: PathTrie, parent: number, bytes: Uint8Array, start: number, end: number) { calls++; return lookups.call(this, parent, bytes, start, end); };
    try {
      const a = await analyzeImage(streamedArchive([
        { name: 'manifest.json', body: Buffer.from(JSON.stringify([{ Config: 'c.json', Layers: ['layer.tar'] }])) },
        { name: 'c.json', body: configJson(['sha256:unchecked']) },
      ], [{ name: 'layer.tar', ...layer }]), { verifyDiffIds: false });
      assert.equal(a.layers[0].added, count + 4000);
      assert.equal(a.finalEntryCount, count + 4000);
    } finally {
      PathTrie.prototype.childOf = lookups;
    }
    assert.ok(calls < count + 2 * 4000 + 100, `${calls} name lookups for ${count} entries`);
  });

  it('an archive past the entry cap says how many entries it holds', async () => {
    const layer = lazyLayer(3000, (i) => `f${i}`);
    await rejectsWith(analyzeImage(streamedArchive([
      { name: 'manifest.json', body: Buffer.from(JSON.stringify([{ Config: 'c.json', Layers: ['layer.tar'] }])) },
      { name: 'c.json', body: configJson(['sha256:unchecked']) },
    ], [{ name: 'layer.tar', ...layer }]), { verifyDiffIds: false, limits: { maxEntries: 1000 } }), 'limit',
    /^this archive holds 3003 entries; the limit is 1000 — raise it with --max-entries$/);
  });
});
