// Exact per-layer change sets and wasted bytes for the overlay cases that matter.
import * as assert from 'node:assert/strict';
import { analyzeImage, type ImageAnalysis } from '../../../src/analysis';
import { buildImageArchive, chunked, dir, file, hardlink, opaque, symlink, whiteout, type TestEntry } from './imageArchive';

async function analyze(layers: TestEntry[][]): Promise<ImageAnalysis> {
  const built = await buildImageArchive({ layers: layers.map((entries) => ({ entries })) });
  return analyzeImage(chunked(built.archive));
}

function changes(a: ImageAnalysis, layer: number): Record<'added' | 'modified' | 'removed', string[]> {
  const out = { added: [] as string[], modified: [] as string[], removed: [] as string[] };
  for (const c of a.layers[layer].changes) out[c.change].push(c.path);
  out.added.sort(); out.modified.sort(); out.removed.sort();
  return out;
}

describe('analysis: layer changes and wasted bytes', () => {
  it('a first layer adds everything; dirs, files and symlinks are counted', async () => {
    const a = await analyze([[dir('etc'), file('etc/a', 10), dir('bin'), file('bin/busybox', 1000, 0o755), symlink('bin/sh', 'busybox')]]);
    assert.deepEqual(changes(a, 0), { added: ['bin', 'bin/busybox', 'bin/sh', 'etc', 'etc/a'], modified: [], removed: [] });
    assert.equal(a.layers[0].added, 5);
    assert.equal(a.sizeBytes, 1010);
    assert.equal(a.wastedBytes, 0);
    assert.equal(a.efficiency, 1);
    assert.deepEqual(a.largestFiles.map((f) => [f.path, f.sizeBytes]), [['bin/busybox', 1000], ['etc/a', 10]]);
  });

  it('a whiteout removes the file, its bytes are wasted and the whiteout weighs 0', async () => {
    const a = await analyze([
      [dir('a'), file('a/x', 100), file('a/y', 50)],
      [dir('a'), whiteout('a/x')],
    ]);
    assert.deepEqual(changes(a, 1), { added: [], modified: [], removed: ['a/x'] });
    assert.equal(a.layers[1].sizeBytes, 0);
    assert.equal(a.wastedBytes, 100);
    assert.equal(a.layers[0].wastedBytes, 100);
    assert.equal(a.finalBytes, 50);
    assert.equal(a.efficiency, 1 - 100 / 150);
    assert.deepEqual(a.inefficiencies, [{ path: 'a/x', count: 1, wastedBytes: 100 }]);
  });

  it('an opaque dir hides every lower child, the layer\'s own children stay', async () => {
    const a = await analyze([
      [dir('d'), file('d/x', 10), dir('d/sub'), file('d/sub/y', 20)],
      [dir('d'), opaque('d'), file('d/z', 5), file('d/x', 3)],
    ]);
    assert.deepEqual(changes(a, 1), { added: ['d/z'], modified: ['d', 'd/x'], removed: ['d/sub', 'd/sub/y'] });
    assert.equal(a.layers[1].changes.find((c) => c.path === 'd')?.opaque, true);
    assert.equal(a.wastedBytes, 30);
    assert.equal(a.finalBytes, 8);
  });

  it('overwriting with a bigger file wastes the smaller old copy', async () => {
    const a = await analyze([[file('f', 10)], [file('f', 100)]]);
    assert.deepEqual(changes(a, 1), { added: [], modified: ['f'], removed: [] });
    assert.equal(a.wastedBytes, 10);
    assert.equal(a.sizeBytes, 110);
    assert.deepEqual(a.inefficiencies, [{ path: 'f', count: 2, wastedBytes: 10 }]);
  });

  it('overwriting with a smaller file wastes the bigger old copy (not the minimum)', async () => {
    const a = await analyze([[file('f', 100)], [file('f', 10)]]);
    assert.equal(a.wastedBytes, 100);
    assert.deepEqual(a.inefficiencies, [{ path: 'f', count: 2, wastedBytes: 100 }]);
    assert.deepEqual(a.largestFiles.map((f) => [f.path, f.sizeBytes, f.layerIndex]), [['f', 10, 1]]);
  });

  it('a chmod copy-up re-stores the same content: modified, and the old copy is wasted', async () => {
    const a = await analyze([[file('app', 64, 0o644)], [file('app', 64, 0o755)]]);
    assert.deepEqual(changes(a, 1), { added: [], modified: ['app'], removed: [] });
    assert.equal(a.layers[1].changes[0].mode, 0o755);
    assert.equal(a.wastedBytes, 64);
    assert.equal(a.efficiency, 0.5);
  });

  it('a hard link stores no bytes and keeps its content visible after the original is deleted', async () => {
    const a = await analyze([
      [file('f', 100), hardlink('h', 'f')],
      [whiteout('f')],
      [whiteout('h')],
    ]);
    assert.equal(a.layers[0].sizeBytes, 100);
    assert.deepEqual(changes(a, 0), { added: ['f', 'h'], modified: [], removed: [] });
    assert.deepEqual(changes(a, 1), { added: [], modified: [], removed: ['f'] });
    assert.deepEqual(changes(a, 2), { added: [], modified: [], removed: ['h'] });
    assert.equal(a.wastedBytes, 100, 'wasted once both paths are gone');
    assert.deepEqual(a.inefficiencies, [{ path: 'f', count: 1, wastedBytes: 100 }]);

    const kept = await analyze([[file('f', 100), hardlink('h', 'f')], [whiteout('f')]]);
    assert.equal(kept.wastedBytes, 0, 'h still shows the content');
    assert.deepEqual(kept.largestFiles.map((f) => [f.path, f.sizeBytes]), [['h', 100]]);
  });

  it('symlinks weigh nothing; replacing one is a modification', async () => {
    const a = await analyze([
      [file('t', 10), symlink('s', 't')],
      [file('s', 5)],
      [whiteout('t')],
    ]);
    assert.deepEqual(changes(a, 1), { added: [], modified: ['s'], removed: [] });
    assert.equal(a.layers[0].sizeBytes, 10);
    assert.equal(a.wastedBytes, 10);
    assert.equal(a.layers[0].changes.find((c) => c.path === 's')?.linkTarget, 't');
  });

  it('a file replaced by a directory, and a directory replaced by a file', async () => {
    const a = await analyze([
      [file('p', 40), dir('d'), file('d/a', 7), file('d/b', 8)],
      [dir('p'), file('p/q', 3), file('d', 2)],
    ]);
    assert.deepEqual(changes(a, 1), { added: ['p/q'], modified: ['d', 'p'], removed: ['d/a', 'd/b'] });
    assert.equal(a.layers[1].changes.find((c) => c.path === 'p')?.kind, 'dir');
    assert.equal(a.wastedBytes, 40 + 15);
    assert.equal(a.finalBytes, 5);
  });

  it('a deep delete removes the dir and everything under it', async () => {
    const a = await analyze([
      [dir('x'), dir('x/y'), file('x/y/z', 1), file('x/y/w', 2), file('x/v', 4), file('keep', 1)],
      [whiteout('x')],
    ]);
    assert.deepEqual(changes(a, 1), { added: [], modified: [], removed: ['x', 'x/v', 'x/y', 'x/y/w', 'x/y/z'] });
    assert.equal(a.layers[1].removed, 5);
    assert.equal(a.wastedBytes, 7);
    assert.equal(a.finalEntryCount, 1);
  });

  it('a parent dir repeated with the same mode is not a change; a new mode or owner is', async () => {
    const a = await analyze([
      [dir('etc'), file('etc/a', 1)],
      [dir('etc'), file('etc/b', 1)],
      [{ path: 'etc', type: 'dir', mode: 0o700 }],
    ]);
    assert.deepEqual(changes(a, 1), { added: ['etc/b'], modified: [], removed: [] });
    assert.deepEqual(changes(a, 2), { added: [], modified: ['etc'], removed: [] });
  });

  it('missing parent dirs are created; whiteouts of absent paths change nothing', async () => {
    const a = await analyze([[file('a/b/c', 3)], [whiteout('nothing'), whiteout('a/b/none')]]);
    assert.deepEqual(changes(a, 0), { added: ['a', 'a/b', 'a/b/c'], modified: [], removed: [] });
    assert.deepEqual(changes(a, 1), { added: [], modified: [], removed: [] });
  });

  it('a path written twice in one layer counts once, and the first copy is wasted', async () => {
    const a = await analyze([[file('f', 30), file('f', 20)]]);
    assert.deepEqual(changes(a, 0), { added: ['f'], modified: [], removed: [] });
    assert.equal(a.layers[0].sizeBytes, 50);
    assert.equal(a.wastedBytes, 30);
  });

  it('sums per path across layers and sorts inefficiencies by wasted bytes', async () => {
    const a = await analyze([
      [file('big', 1000), file('small', 10)],
      [file('big', 1000), file('small', 10)],
      [file('big', 1), whiteout('small')],
    ]);
    assert.deepEqual(a.inefficiencies, [
      { path: 'big', count: 3, wastedBytes: 2000 },
      { path: 'small', count: 2, wastedBytes: 20 },
    ]);
    assert.equal(a.wastedBytes, 2020);
    assert.equal(a.sizeBytes, 2021);
    assert.equal(a.finalBytes, 1);
    assert.equal(a.sizeBytes, a.wastedBytes + a.finalBytes);
    assert.equal(a.userSizeBytes, 1011);
    assert.equal(a.userWastedPercent, 2020 / 1011);
  });

  it('an image without content bytes has efficiency 1', async () => {
    const a = await analyze([[dir('empty')]]);
    assert.equal(a.sizeBytes, 0);
    assert.equal(a.efficiency, 1);
    assert.equal(a.userWastedPercent, 0);
  });

  it('names to normalise (./x, /x, a//b, 150-byte names) and clean names reach the same paths, hard-link targets too', async () => {
    const long = `${'d'.repeat(150)}/f`;
    const clean = await analyze([[dir('a'), file('a/f', 10), hardlink('a/h', 'a/f'), file(long, 5), hardlink('a/l', long)], [whiteout('a/f')]]);
    const odd = await analyze([[dir('./a/'), file('/a/f', 10), hardlink('./a//h', './a/f'), file(`./${long}`, 5), hardlink('a/./l', `/${long}`)], [whiteout('./a/f')]]);
    for (const a of [clean, odd]) {
      assert.deepEqual(changes(a, 0).added, ['a', 'a/f', 'a/h', 'a/l', long.split('/')[0], long].sort());
      assert.deepEqual(changes(a, 1), { added: [], modified: [], removed: ['a/f'] });
      assert.equal(a.wastedBytes, 0, 'the hard link keeps the removed file\'s content');
    }
    assert.deepEqual(odd.layers[0].changes, clean.layers[0].changes);
  });
});
