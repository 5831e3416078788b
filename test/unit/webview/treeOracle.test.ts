import { strict as assert } from 'node:assert';
import type { ChangeKind, TreeNode } from '../../../src/analysis/browser';
import { allChangeFilters, Expansion, type ChangeFilter } from '../../../webview-ui/lib/tree';
import { changeCounts, keptNodes, parentRow, visibleRows, type TreeFilter } from './treeOracle';

// A tiny tree builder: 'path:size:change' leaves; directories sum their children like filesystemAt does.
function tree(spec: string[]): TreeNode {
  const root: TreeNode = { name: '', path: '', kind: 'dir', size: 0, mode: 0o755, uid: 0, gid: 0, layerIndex: 0, children: [] };
  const byPath = new Map<string, TreeNode>([['', root]]);
  for (const line of spec) {
    const [path, size, change] = line.split(':');
    const parts = path.split('/');
    let node = root;
    parts.forEach((name, i) => {
      const sub = parts.slice(0, i + 1).join('/');
      const leaf = i === parts.length - 1;
      let next = byPath.get(sub);
      if (!next) {
        next = { name, path: sub, kind: leaf && !path.endsWith('/') ? 'file' : 'dir', size: 0, mode: 0o644, uid: 0, gid: 0, layerIndex: 0 };
        if (!leaf) next.children = [];
        node.children!.push(next);
        byPath.set(sub, next);
      }
      if (leaf) {
        next.size = Number(size);
        if (change) next.change = change as ChangeKind;
      }
      node = next;
    });
  }
  // Children by name, as filesystemAt builds them.
  for (const node of byPath.values()) node.children?.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const sum = (n: TreeNode): number => (n.children ? (n.size = n.children.reduce((s, c) => s + (c.change === 'removed' ? 0 : sum(c)), 0)) : n.size);
  sum(root);
  return root;
}

const everything: TreeFilter = { text: '', kinds: new Set(allChangeFilters) };
const only = (...kinds: ChangeFilter[]): TreeFilter => ({ text: '', kinds: new Set(kinds) });
const paths = (rows: { node: TreeNode }[]) => rows.map((r) => r.node.path);

const sample = tree([
  'app/a.txt:10:added',
  'app/big.bin:5000:modified',
  'app/sub/deep.txt:3',
  'bin/busybox:1000',
  'etc/old.conf:7:removed',
  'README:1',
]);

// The reference model's own tests: treeRowsEquivalence.test.ts trusts it, so it must be right.
describe('webview tree rows: the reference model', () => {
  it('shows only the top level of an unfiltered tree until a directory is opened', () => {
    const expansion = new Expansion();
    assert.deepEqual(paths(visibleRows(sample, everything, 'name', expansion)), ['README', 'app', 'bin', 'etc']);
    expansion.set('app', true);
    const rows = visibleRows(sample, everything, 'name', expansion);
    assert.deepEqual(paths(rows), ['README', 'app', 'app/a.txt', 'app/big.bin', 'app/sub', 'bin', 'etc']);
    assert.deepEqual(rows.map((r) => r.depth), [0, 0, 1, 1, 1, 0, 0]);
    assert.equal(rows[1].expanded, true);
    assert.equal(rows[4].expandable, true);
    assert.equal(rows[4].expanded, false);
  });

  it('filters by change kind, keeping the directories above a match and opening them', () => {
    const rows = visibleRows(sample, only('added', 'removed'), 'name', new Expansion());
    assert.deepEqual(paths(rows), ['app', 'app/a.txt', 'etc', 'etc/old.conf']);
  });

  it('filters by path text, case-insensitively, combined with the kinds', () => {
    assert.deepEqual(paths(visibleRows(sample, { text: 'DEEP', kinds: new Set(allChangeFilters) }, 'name', new Expansion())),
      ['app', 'app/sub', 'app/sub/deep.txt']);
    assert.deepEqual(paths(visibleRows(sample, { text: 'app', kinds: new Set<ChangeFilter>(['modified']) }, 'name', new Expansion())),
      ['app', 'app/big.bin']);
    assert.deepEqual(paths(visibleRows(sample, { text: 'nothing-like-this', kinds: new Set(allChangeFilters) }, 'name', new Expansion())), []);
  });

  it('lets a person close a directory the filter opened', () => {
    const expansion = new Expansion();
    expansion.set('app', false);
    assert.deepEqual(paths(visibleRows(sample, only('added', 'modified'), 'name', expansion)), ['app']);
  });

  it('sorts by size, largest first, at every level', () => {
    const expansion = new Expansion();
    expansion.set('app', true);
    // Removed content counts as 0 in its directory.
    assert.deepEqual(paths(visibleRows(sample, everything, 'size', expansion)),
      ['app', 'app/big.bin', 'app/a.txt', 'app/sub', 'bin', 'README', 'etc']);
  });

  it('reports no kept set when the filter keeps everything', () => {
    assert.equal(keptNodes(sample, everything), undefined);
    assert.ok(keptNodes(sample, only('added')));
  });

  it('finds a row\'s parent for ArrowLeft', () => {
    const rows = visibleRows(sample, only('added', 'removed'), 'name', new Expansion());
    assert.equal(parentRow(rows, 1), 0);
    assert.equal(parentRow(rows, 3), 2);
    assert.equal(parentRow(rows, 2), -1);
  });

  it('counts changes by kind', () => {
    assert.deepEqual(changeCounts(sample), { added: 1, modified: 1, removed: 1, unchanged: 7 });
  });

  it('stays linear on a tree of 100,000 files and returns only what is expanded', () => {
    const spec: string[] = [];
    for (let d = 0; d < 100; d++) for (let f = 0; f < 1000; f++) spec.push(`d${d}/f${f}:1${f % 7 === 0 ? ':added' : ''}`);
    const big = tree(spec);
    assert.equal(visibleRows(big, everything, 'name', new Expansion()).length, 100);
    const added = visibleRows(big, only('added'), 'name', new Expansion());
    assert.equal(added.length, 100 + 100 * 143);
  });
});
