import * as assert from 'node:assert/strict';
import { buildDanglingTree, classifyUntagged } from '../../../src/model/dangling';
import { container, image, sha } from './explorerFixtures';

describe('model/dangling', () => {
  // base <- mid (untagged) <- app:1 ; base <- old (untagged, no children) ; orphan (untagged)
  const base = image('base', { repoTags: ['base:1'], size: 1_000 });
  const mid = image('mid', { parentId: sha('base'), size: 1_500 });
  const app = image('app', { parentId: sha('mid'), repoTags: ['app:1'], size: 2_000 });
  const old = image('old', { parentId: sha('base'), size: 1_800, sharedSize: 1_000 });
  const digestOnly = image('dig', { repoDigests: ['r@sha256:1'] });

  it('tells dangling from intermediate and names the keeper', () => {
    const { dangling, intermediate } = classifyUntagged([base, mid, app, old, digestOnly]);
    assert.deepEqual(dangling.map((i) => i.id), [sha('old')]);
    assert.deepEqual(intermediate.map((i) => [i.image.id, i.keptBy]), [[sha('mid'), ['app:1']]]);
  });

  it('walks through untagged chains to the tagged image, and names dangling leaves', () => {
    const a = image('a', { parentId: sha('base') });
    const b = image('b', { parentId: sha('a') });
    const c = image('c', { parentId: sha('b'), repoTags: ['c:1'] });
    const d = image('d', { parentId: sha('a') });
    const { intermediate, dangling } = classifyUntagged([base, a, b, c, d]);
    assert.deepEqual(dangling.map((i) => i.id), [sha('d')]);
    const keptA = intermediate.find((i) => i.image.id === sha('a'))!.keptBy;
    assert.deepEqual(keptA.sort(), ['c:1', 'dangling d00000000000']);
  });

  it('totals reclaimable bytes from shared sizes, and says when they are not known yet', () => {
    const pending = buildDanglingTree({ images: [base, old, image('old2', { size: 700 })], nowMs: 0 });
    assert.equal(pending[0].item.description, '2 items, … reclaimable');
    assert.equal(pending[2].item.description, 'reading /system/df…');
    const sharedSizes = new Map([[sha('old'), 1_000], [sha('old2'), 0]]);
    const tree = buildDanglingTree({ images: [base, mid, app, old, image('old2', { size: 700 })], sharedSizes, buildCache: [], nowMs: 0 });
    assert.equal(tree[0].item.label, 'Dangling images');
    assert.equal(tree[0].item.description, '2 items, 1.5 kB reclaimable');
    assert.deepEqual(tree[0].children!.map((n) => n.item.contextValue), ['image.dangling', 'image.dangling']);
    assert.match(tree[1].children![0].item.description!, /kept by app:1 · frees nothing/);
  });

  it('lists build cache records, reclaimable unless in use or shared with an image', () => {
    const rec = (id: string, size: number, inUse: boolean, shared = false) => ({ id, type: 'regular', description: `step ${id}`, inUse, shared, size, createdAt: '', usageCount: 1 });
    const tree = buildDanglingTree({ images: [], sharedSizes: new Map(), buildCache: [rec('x', 100, false), rec('y', 5_000, true), rec('z', 70, false, true)], nowMs: 0 });
    assert.equal(tree[2].item.description, '3 records, 100 B reclaimable');
    assert.deepEqual(tree[2].children!.map((n) => n.item.contextValue), ['buildCache.inUse', 'buildCache', 'buildCache']);
    assert.match(tree[2].children![2].item.description!, / · shared$/);
  });
});

describe('model/dangling when /system/df fails', () => {
  it('says so instead of waiting forever', () => {
    const tree = buildDanglingTree({ images: [image('x')], diskUsageError: 'timed out', nowMs: 0 });
    assert.equal(tree[0].item.description, '1 item, ? reclaimable');
    assert.equal(tree[2].item.description, '/system/df failed: timed out');
  });
});

describe('model/dangling with containers', () => {
  it('marks a dangling image a container uses, and leaves it out of the reclaimable total', () => {
    const used = image('used', { size: 500, sharedSize: 0 });
    const free = image('free', { size: 300, sharedSize: 0 });
    const tree = buildDanglingTree({ images: [used, free], containers: [container('old-app', { imageId: sha('used') })], sharedSizes: new Map(), buildCache: [], nowMs: 0 });
    assert.equal(tree[0].item.description, '2 items, 300 B reclaimable');
    const row = tree[0].children!.find((n) => n.item.label.startsWith('used'))!;
    assert.match(row.item.description!, /^500 B · in use by old-app · /);
  });
});
