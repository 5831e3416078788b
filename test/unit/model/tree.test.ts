import * as assert from 'node:assert/strict';
import { keepSameRows, sameRows, type TreeNode } from '../../../src/model/tree';

function row(id: string, description: string, ref: string, children?: TreeNode<string>[]): TreeNode<string> {
  return { item: { id, label: id, description, collapse: children ? 'collapsed' : undefined }, ref, children };
}

describe('model/tree keepSameRows (a re-read that draws the same rows fires nothing)', () => {
  it('keeps the shown rows when a re-read draws the same, and takes the new refs into them', () => {
    const shown = [row('vol:a', '1 MB', 'old-a', [row('user:a:x', 'running', 'old-x')]), row('vol:b', '2 MB', 'old-b')];
    const next = [row('vol:a', '1 MB', 'new-a', [row('user:a:x', 'running', 'new-x')]), row('vol:b', '2 MB', 'new-b')];
    const kept = keepSameRows(shown, next);
    assert.equal(kept.changed, false);
    assert.equal(kept.rows, shown, 'the same objects VS Code already holds');
    assert.equal(kept.rows[0].children![0], shown[0].children![0]);
    assert.deepEqual([kept.rows[0].ref, kept.rows[0].children![0].ref, kept.rows[1].ref], ['new-a', 'new-x', 'new-b']);
  });

  it('takes the new rows when anything drawn differs: a description, a child, the order, an icon', () => {
    const base = () => [row('a', '1', 'r', [row('a/x', 'up', 'r')]), row('b', '2', 'r')];
    const variants: TreeNode<string>[][] = [
      [row('a', '1', 'r', [row('a/x', 'down', 'r')]), row('b', '2', 'r')],
      [row('a', '1', 'r', []), row('b', '2', 'r')],
      [row('b', '2', 'r'), row('a', '1', 'r', [row('a/x', 'up', 'r')])],
      [row('a', '1', 'r', [row('a/x', 'up', 'r')])],
      [{ ...row('a', '1', 'r', [row('a/x', 'up', 'r')]), item: { ...row('a', '1', 'r').item, icon: { id: 'error' } } }, row('b', '2', 'r')],
    ];
    for (const next of variants) {
      const shown = base();
      const kept = keepSameRows(shown, next);
      assert.equal(kept.changed, true, JSON.stringify(next.map((n) => n.item)));
      assert.equal(kept.rows, next);
      assert.equal(shown[0].ref, 'r');
    }
    assert.equal(sameRows(base(), base()), true);
  });
});
