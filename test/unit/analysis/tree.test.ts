// Filesystem views rebuilt from the change lists: per layer, aggregated, final.
import * as assert from 'node:assert/strict';
import { analyzeImage, filesystemAt, finalTree, flattenTree, type ImageAnalysis, type TreeNode } from '../../../src/analysis';
import { buildImageArchive, chunked, dir, file, hardlink, opaque, symlink, whiteout, type TestEntry } from './imageArchive';

async function analyze(layers: TestEntry[][]): Promise<ImageAnalysis> {
  return analyzeImage(chunked((await buildImageArchive({ layers: layers.map((entries) => ({ entries })) })).archive));
}

/** path → "change size" (or "= size" when unchanged), directories included. */
function marks(root: TreeNode): Record<string, string> {
  return Object.fromEntries(flattenTree(root).map((n) => [n.path, `${n.change ?? '='} ${n.size}`]));
}

describe('analysis: filesystem views', () => {
  let a: ImageAnalysis;
  before(async () => {
    a = await analyze([
      [dir('etc'), file('etc/a', 10), file('etc/b', 20), dir('var'), file('var/log', 5), file('orig', 40), hardlink('link', 'orig')],
      [dir('etc'), whiteout('etc/a'), file('etc/c', 3), file('new', 7)],
      [dir('var'), opaque('var'), file('var/other', 1), file('etc/b', 25), symlink('sl', 'etc/b')],
    ]);
  });

  it('the final tree is the last filesystem, without marks, dirs summing their files', () => {
    assert.deepEqual(marks(finalTree(a)), {
      etc: '= 28', 'etc/b': '= 25', 'etc/c': '= 3', link: '= 0', new: '= 7', orig: '= 40', sl: '= 0', var: '= 1', 'var/other': '= 1',
    });
    // The hard link adds nothing: orig's 40 bytes are counted once.
    assert.equal(finalTree(a).size, 28 + 40 + 7 + 1);
  });

  it('a layer\'s own changes, with removed paths kept in the tree', () => {
    assert.deepEqual(marks(filesystemAt(a, 1)), {
      etc: '= 23', 'etc/a': 'removed 10', 'etc/b': '= 20', 'etc/c': 'added 3', link: '= 0', new: 'added 7', orig: '= 40', var: '= 5', 'var/log': '= 5',
    });
    assert.deepEqual(marks(filesystemAt(a, 2)), {
      etc: '= 28', 'etc/b': 'modified 25', 'etc/c': '= 3', link: '= 0', new: '= 7', orig: '= 40', sl: 'added 0', var: 'modified 1', 'var/log': 'removed 5', 'var/other': 'added 1',
    });
  });

  it('aggregated changes up to a layer compare with layer 0; -1 marks everything added', () => {
    assert.deepEqual(marks(filesystemAt(a, 2, 0)), {
      etc: '= 28', 'etc/a': 'removed 10', 'etc/b': 'modified 25', 'etc/c': 'added 3', link: '= 0', new: 'added 7', orig: '= 40', sl: 'added 0', var: 'modified 1', 'var/log': 'removed 5', 'var/other': 'added 1',
    });
    assert.ok(flattenTree(filesystemAt(a, 0, -1)).every((n) => n.change === 'added'));
  });

  it('a path added and removed after the base does not appear at all', async () => {
    const b = await analyze([[file('keep', 1)], [file('tmp', 9)], [whiteout('tmp')]]);
    assert.deepEqual(marks(filesystemAt(b, 2, 0)), { keep: '= 1' });
    assert.deepEqual(marks(filesystemAt(b, 2)), { keep: '= 1', tmp: 'removed 9' });
  });

  it('a hard link whose target path is removed later carries the bytes; one whose target is overwritten keeps the old ones', async () => {
    const b = await analyze([
      [file('orig', 40), hardlink('link', 'orig'), hardlink('link2', 'orig'), file('b', 5), hardlink('blink', 'b')],
      [whiteout('orig'), file('b', 9)],
    ]);
    // orig gone: its 40 bytes are counted once, at the first surviving link; b rewritten: blink shows the old 5 bytes.
    assert.deepEqual(marks(finalTree(b)), { b: '= 9', blink: '= 5', link: '= 40', link2: '= 0' });
    assert.equal(finalTree(b).size, 40 + 9 + 5);
    assert.equal(finalTree(b).size, b.finalBytes);
    // Before the removal, the original holds the bytes and the links are 0.
    assert.deepEqual(marks(filesystemAt(b, 0, 0)), { b: '= 5', blink: '= 0', link: '= 0', link2: '= 0', orig: '= 40' });
    assert.equal(filesystemAt(b, 1).size, b.finalBytes);
  });

  it('rejects a layer index out of range', () => {
    assert.throws(() => filesystemAt(a, 3), RangeError);
  });
});
