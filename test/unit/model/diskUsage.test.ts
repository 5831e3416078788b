import * as assert from 'node:assert/strict';
import { buildDiskUsageTree, diskUsageTotals } from '../../../src/model/diskUsage';
import { container, df, image } from './explorerFixtures';

describe('model/diskUsage', () => {
  const usage = df({
    layersSize: 10_000,
    images: [image('a', { repoTags: ['a:1'], size: 6_000, sharedSize: 2_000, containers: 1 }), image('b', { repoTags: ['b:1'], size: 6_000, sharedSize: 2_000, containers: 0 })],
    containers: [{ ...container('run', { state: 'running' }), sizeRw: 50, sizeRootFs: 0 }, { ...container('old'), sizeRw: 70, sizeRootFs: 0 }],
    volumes: [{ name: 'v1', driver: 'local', mountpoint: '', size: 300, refCount: 0, labels: {} }, { name: 'v2', driver: 'local', mountpoint: '', size: 900, refCount: 1, labels: {} }],
    buildCache: [{ id: 'c1', type: 'regular', description: 'RUN x', inUse: false, shared: false, size: 40, createdAt: '', usageCount: 1 },
      { id: 'c2', type: 'regular', description: 'RUN y', inUse: true, shared: false, size: 60, createdAt: '', usageCount: 1 }],
  });

  it('totals count, active and reclaimable per category like docker system df', () => {
    const t = Object.fromEntries(diskUsageTotals(usage).map((c) => [c.category, [c.totalSize, c.count, c.active, c.reclaimable]]));
    assert.deepEqual(t.images, [10_000, 2, 1, 6_000]);
    assert.deepEqual(t.containers, [120, 2, 1, 70]);
    assert.deepEqual(t.volumes, [1_200, 2, 1, 300]);
    assert.deepEqual(t.buildCache, [100, 2, 1, 40]);
  });

  it('expands each category to its items, largest first', () => {
    const tree = buildDiskUsageTree(usage);
    assert.deepEqual(tree.map((n) => n.item.label), ['Images', 'Containers', 'Local volumes', 'Build cache']);
    assert.equal(tree[2].item.description, '1.2 kB · 2 (1 active) · 300 B reclaimable');
    assert.deepEqual(tree[2].children!.map((n) => n.item.label), ['v2', 'v1']);
    assert.equal(tree[0].item.collapse, 'collapsed');
  });
});
