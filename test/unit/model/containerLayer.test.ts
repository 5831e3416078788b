// The container layer as pure data: /changes mapping, the changes tree and its sizes, stat headers.
import * as assert from 'node:assert/strict';
import { changesTree, countChanges, kindFromGoMode, mapChanges, parsePathStat, pathsToStat, type PathStat } from '../../../src/model/containerLayer';
import { commitPreview } from '../../../src/model/containerNodes';

const stat = (size: number, kind: PathStat['kind'] = 'file'): PathStat => ({ name: '', kind, size, mode: 0o644, mtime: '' });

describe('model/containerLayer', () => {
  it('maps the engine\'s Kind numbers and drops what it does not know', () => {
    const changes = mapChanges([{ Path: '/a', Kind: 0 }, { Path: '/b', Kind: 1 }, { Path: '/c', Kind: 2 }, { Path: '/d', Kind: 9 }, { Path: 'rel', Kind: 1 }]);
    assert.deepEqual(changes, [{ path: '/a', kind: 'modified' }, { path: '/b', kind: 'added' }, { path: '/c', kind: 'deleted' }]);
    assert.deepEqual(countChanges(changes), { added: 1, modified: 1, deleted: 1 });
    assert.deepEqual(mapChanges(null), []);
  });

  it('builds a sorted tree; dirs sum the known sizes below them, deleted paths weigh nothing', () => {
    const changes = mapChanges([
      { Path: '/app', Kind: 0 }, { Path: '/app/z.txt', Kind: 1 }, { Path: '/app/a.txt', Kind: 0 }, { Path: '/app/gone', Kind: 2 },
      { Path: '/var/log/x.log', Kind: 1 },
    ]);
    const tree = changesTree(changes, new Map([['/app/z.txt', stat(10)], ['/app/a.txt', stat(5)], ['/app', stat(4096, 'dir')], ['/var/log/x.log', stat(7)]]));
    assert.deepEqual(tree.children.map((n) => n.name), ['app', 'var']);
    const app = tree.children[0];
    assert.equal(app.kind, 'modified');
    assert.equal(app.size, 15);
    assert.deepEqual(app.children.map((n) => [n.name, n.kind, n.size]), [['a.txt', 'modified', 5], ['gone', 'deleted', undefined], ['z.txt', 'added', 10]]);
    // /var and /var/log were not listed themselves: shown as plain folders.
    const log = tree.children[1].children[0];
    assert.deepEqual([tree.children[1].kind, log.name, log.kind, log.size], [undefined, 'log', undefined, 7]);
    assert.equal(tree.size, 22);
  });

  it('a path without a stat has no size (not 0)', () => {
    const tree = changesTree(mapChanges([{ Path: '/x', Kind: 1 }]));
    assert.equal(tree.children[0].size, undefined);
  });

  it('asks sizes for added and modified paths only, up to the limit', () => {
    const changes = mapChanges([{ Path: '/a', Kind: 2 }, { Path: '/b', Kind: 1 }, { Path: '/c', Kind: 0 }, { Path: '/d', Kind: 1 }]);
    assert.deepEqual(pathsToStat(changes, 2), ['/b', '/c']);
    assert.deepEqual(pathsToStat(changes, 0), []);
  });

  it('decodes the path stat header (Go FileMode type bits)', () => {
    const header = Buffer.from(JSON.stringify({ name: 'app', size: 4096, mode: 2147484141, mtime: '2026-11-30T02:27:55Z', linkTarget: '' })).toString('base64');
    assert.deepEqual(parsePathStat(header), { name: 'app', kind: 'dir', size: 4096, mode: 0o755, mtime: '2026-11-30T02:27:55Z', linkTarget: undefined });
    assert.equal(kindFromGoMode(2 ** 27 + 0o777), 'symlink');
    assert.equal(kindFromGoMode(2 ** 26 + 2 ** 21 + 0o666), 'device');
    assert.equal(kindFromGoMode(2 ** 25 + 0o644), 'pipe');
    assert.equal(kindFromGoMode(2 ** 24 + 0o755), 'socket');
    assert.equal(kindFromGoMode(0o644), 'file');
    assert.equal(parsePathStat('not base64 json'), undefined);
    assert.equal(parsePathStat(undefined), undefined);
  });

  it('the commit preview names every change up to 15, then how many more', () => {
    const changes = mapChanges(Array.from({ length: 17 }, (_, i) => ({ Path: `/f${i}`, Kind: i === 0 ? 2 : 1 })));
    const text = commitPreview({ image: 'app:1' } as never, changes, 1500);
    const lines = text.split('\n');
    assert.equal(lines[0], "The new image is app:1 plus one layer with the container's changes: 16 added, 1 deleted (1.5 kB written).");
    assert.deepEqual(lines.slice(1, 3), ['D /f0', 'A /f1']);
    assert.equal(lines.length, 1 + 15 + 1);
    assert.equal(lines[16], '… and 2 more');
  });
});
