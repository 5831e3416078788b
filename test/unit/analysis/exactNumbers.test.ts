// Numbers that were wrong on real archives: hard links counted many times in the views, names that
// are not valid UTF-8 collapsing into one, sparse files counted as their stored chunks.
import * as assert from 'node:assert/strict';
import { analyzeImage, finalTree, flattenTree, type ImageAnalysis } from '../../../src/analysis';
import { buildImageArchive, chunked, dir, file, hardlink, padBlock, paxRecord, rawHeader, type TestEntry } from './imageArchive';

const analyze = async (layers: { entries: TestEntry[]; raw?: Buffer }[]): Promise<ImageAnalysis> =>
  analyzeImage(chunked((await buildImageArchive({ layers })).archive));

const endBlocks = Buffer.alloc(1024);
/** An octal number field of `width` bytes, as a GNU header writes it. */
const octal = (n: number, width: number): Buffer => Buffer.from(`${n.toString(8).padStart(width - 1, '0')}\0`, 'latin1');

describe('analysis: exact numbers', () => {
  it('hard links: bytes counted once in the tree and in Largest files, each link shown as a link to its target', async () => {
    const links = Array.from({ length: 10 }, (_, i) => hardlink(`bin/tool${i}`, 'bin/busybox'));
    const a = await analyze([{ entries: [dir('bin'), file('bin/busybox', 1_200_000, 0o755), ...links, file('etc', 10)] }]);
    assert.equal(a.sizeBytes, 1_200_010);
    const tree = finalTree(a);
    assert.equal(tree.size, 1_200_010, 'the root holds 1.2 MB, not 13 MB');
    const nodes = new Map(flattenTree(tree).map((n) => [n.path, n]));
    assert.equal(nodes.get('bin')?.size, 1_200_000);
    assert.deepEqual([nodes.get('bin/tool3')?.kind, nodes.get('bin/tool3')?.linkTarget, nodes.get('bin/tool3')?.size], ['hardlink', 'bin/busybox', 0]);
    assert.deepEqual(a.largestFiles.map((f) => [f.path, f.sizeBytes]), [['bin/busybox', 1_200_000], ['etc', 10]]);
  });

  it('hard links: when the target path is removed, one surviving link is listed with the bytes', async () => {
    const a = await analyze([
      { entries: [file('orig', 500), hardlink('b-link', 'orig'), hardlink('a-link', 'orig')] },
      { entries: [file('.wh.orig', '')] },
    ]);
    assert.equal(a.wastedBytes, 0);
    assert.equal(a.largestFiles.length, 1);
    assert.equal(a.largestFiles[0].sizeBytes, 500);
    assert.match(a.largestFiles[0].path, /^[ab]-link$/);
  });

  it('names that are not valid UTF-8 stay distinct files, shown with their bytes escaped', async () => {
    const entry = (name: Buffer, size: number): Buffer => Buffer.concat([rawHeader({ name, type: '0', size }), padBlock(Buffer.alloc(size, 0x61))]);
    const latin = (s: string): Buffer => Buffer.from(s, 'latin1');
    const lower = Buffer.concat([entry(latin('caf\xe9'), 50), entry(latin('caf\xe8'), 50), entry(Buffer.from('café'), 50), endBlocks]);
    const upper = Buffer.concat([entry(latin('caf\xe9'), 50), endBlocks]);
    const a = await analyze([{ entries: [], raw: lower }, { entries: [], raw: upper }]);
    assert.deepEqual(a.layers[0].changes.map((c) => c.path), ['caf\\xe9', 'caf\\xe8', 'café']);
    assert.equal(a.layers[0].added, 3);
    assert.deepEqual([a.sizeBytes, a.wastedBytes], [200, 50], 'only the overwritten copy is wasted');
    assert.deepEqual(a.inefficiencies, [{ path: 'caf\\xe9', count: 2, wastedBytes: 50 }]);
    assert.deepEqual(a.layers[1].changes.map((c) => [c.path, c.change]), [['caf\\xe9', 'modified']]);
  });

  it('a GNU sparse file (type S, with an extension block) has its apparent size, its stored size and its path', async () => {
    const stored = 1024;
    const apparent = 100 * 1024 * 1024;
    const header = (name: string, extended: boolean): Buffer => rawHeader({
      name, type: 'S', size: stored, magic: 'gnu',
      extra: [
        { offset: 386, bytes: Buffer.concat([octal(0, 12), octal(512, 12), octal(apparent - 512, 12), octal(512, 12)]) },
        { offset: 482, bytes: Buffer.from([extended ? 1 : 0]) },
        { offset: 483, bytes: octal(apparent, 12) },
      ],
    });
    const extension = Buffer.alloc(512); // 21 more map entries (none here); byte 504 = 0: the last extension block
    const layer = Buffer.concat([
      header('data/sparse.img', false), Buffer.alloc(stored, 7),
      header('data/extended.img', true), extension, Buffer.alloc(stored, 7),
      rawHeader({ name: 'data/after', type: '0', size: 3 }), padBlock(Buffer.from('abc')),
      endBlocks,
    ]);
    const a = await analyze([{ entries: [], raw: layer }]);
    const changes = a.layers[0].changes.filter((c) => c.kind === 'file');
    assert.deepEqual(changes.map((c) => [c.path, c.size, c.storedSize]), [
      ['data/sparse.img', apparent, stored], ['data/extended.img', apparent, stored], ['data/after', 3, undefined],
    ]);
    assert.equal(a.sizeBytes, 2 * apparent + 3);
  });

  it('a PAX 1.0 sparse file has its real path, apparent size and stored size (the map is not content)', async () => {
    const pax = Buffer.from(paxRecord('GNU.sparse.major', '1') + paxRecord('GNU.sparse.minor', '0')
      + paxRecord('GNU.sparse.name', 'var/lib/disk.img') + paxRecord('GNU.sparse.realsize', '1000000'));
    const map = padBlock(Buffer.from('2\n0\n512\n999488\n512\n'));
    const data = Buffer.alloc(1024, 9);
    const layer = Buffer.concat([
      rawHeader({ name: 'PaxHeaders.0/disk.img', type: 'x', size: pax.length }), padBlock(pax),
      rawHeader({ name: 'var/lib/GNUSparseFile.0/disk.img', type: '0', size: map.length + data.length }), map, data,
      endBlocks,
    ]);
    const a = await analyze([{ entries: [], raw: layer }]);
    assert.deepEqual(a.layers[0].changes.map((c) => [c.path, c.kind, c.size, c.storedSize]), [
      ['var', 'dir', 0, undefined], ['var/lib', 'dir', 0, undefined], ['var/lib/disk.img', 'file', 1_000_000, 1024],
    ]);
  });
});
