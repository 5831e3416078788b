import * as assert from 'node:assert/strict';
import { describePlan, describeReport, imageChangedSincePreview, planPrune, runPlan } from '../../../src/model/prune';
import { container, df, image, sha } from './explorerFixtures';

describe('model/prune', () => {
  const base = image('base', { repoTags: ['base:1'] });
  const parent = image('par', { parentId: sha('base'), size: 1_200 });
  const leaf = image('leaf', { parentId: sha('par'), size: 1_500 });
  const kept = image('kept', { parentId: sha('base'), size: 900 });
  const app = image('app', { parentId: sha('kept'), repoTags: ['app:1'] });
  const usage = df({
    images: [{ ...leaf, sharedSize: 1_200 }, { ...parent, sharedSize: 1_000 }],
    containers: [{ ...container('old'), sizeRw: 10, sizeRootFs: 0 }],
    volumes: [{ name: 'unused', driver: 'local', mountpoint: '', size: 5, refCount: 0, labels: {} }, { name: 'used', driver: 'local', mountpoint: '', size: 9, refCount: 1, labels: {} }],
    buildCache: [{ id: 'c1', type: 'regular', description: 'RUN x', inUse: false, shared: false, size: 40, createdAt: '', usageCount: 1 },
      { id: 'c2', type: 'regular', description: 'RUN y', inUse: true, shared: false, size: 60, createdAt: '', usageCount: 1 },
      // Shared with an image: the engine's prune keeps it, so the plan must not show it.
      { id: 'c3', type: 'regular', description: 'RUN z', inUse: false, shared: true, size: 70, createdAt: '', usageCount: 1 }],
  });
  const input = { images: [base, parent, leaf, kept, app], containers: [container('old'), container('up', { state: 'running' })], df: usage };

  it('plans dangling images, then the untagged parents only they keep, leaf first', () => {
    const plan = planPrune('danglingImages', input);
    assert.deepEqual(plan.items.map((i) => i.id), [sha('leaf'), sha('par')]);
    assert.equal(plan.totalBytes, 300 + 200);
    assert.ok(!plan.items.some((i) => i.id === sha('kept')), 'an intermediate kept by a tagged image stays');
  });

  it('plans all unused images, tagged or not: never one a container uses or one a kept image builds on; children first', () => {
    const tool = image('tool', { repoTags: ['tool:1', 'tool:latest'], size: 800 });
    const plan = planPrune('unusedImages', { ...input, images: [...input.images, tool], df: { ...usage, images: [...usage.images, { ...tool, sharedSize: 0 }] } });
    assert.deepEqual(plan.items.map((i) => i.id), [sha('leaf'), sha('par'), sha('tool')]);
    assert.deepEqual(plan.items.map((i) => i.label), [sha('leaf').slice(7, 19), `${sha('par').slice(7, 19)} (untagged parent)`, `tool:1, tool:latest (${sha('tool').slice(7, 19)})`]);
    assert.deepEqual(plan.items[2].tags, ['tool:1', 'tool:latest']);
    assert.equal(plan.totalBytes, 300 + 200 + 800);
    // base:1 stays: kept (under app:1, which containers use) builds on it.
    assert.ok(!plan.items.some((i) => [sha('base'), sha('kept'), sha('app')].includes(i.id)));
  });

  it('keeps an image of the preview that got a tag or a container since', () => {
    const tool = image('tool', { repoTags: ['tool:1'] });
    const item = { kind: 'image' as const, id: tool.id, label: 'tool:1', bytes: 1, tags: ['tool:1'] };
    assert.equal(imageChangedSincePreview(item, [tool], []), undefined);
    assert.match(imageChangedSincePreview(item, [{ ...tool, repoTags: ['tool:1', 'tool:2'] }], [])!, /tagged differently/);
    assert.match(imageChangedSincePreview(item, [tool], [container('new', { imageId: tool.id })])!, /container uses it/);
    assert.match(imageChangedSincePreview(item, [], [])!, /gone/);
  });

  it('leaves out a dangling image a container uses, and the parent it keeps', () => {
    const plan = planPrune('danglingImages', { ...input, containers: [container('old', { imageId: sha('leaf') })] });
    assert.deepEqual(plan.items, []);
  });

  it('plans stopped containers, unused volumes, reclaimable build cache, and system', () => {
    assert.deepEqual(planPrune('stoppedContainers', input).items.map((i) => [i.label, i.bytes]), [['old (app:1, exited)', 10]]);
    assert.deepEqual(planPrune('unusedVolumes', input).items.map((i) => i.id), ['unused']);
    assert.deepEqual(planPrune('buildCache', input).items.map((i) => i.id), ['c1']);
    const rec = (id: string, parents: string[], inUse = false) => ({ id, type: 'regular', description: id, inUse, shared: false, size: 1, createdAt: '', usageCount: 1, parents });
    // Children before parents; a parent whose child stays (in use) is not offered.
    const chain = { ...input, df: df({ buildCache: [rec('root', []), rec('mid', ['root']), rec('leaf', ['mid']), rec('kept', []), rec('busy', ['kept'], true)] }) };
    assert.deepEqual(planPrune('buildCache', chain).items.map((i) => i.id), ['leaf', 'mid', 'root']);
    assert.deepEqual(planPrune('system', input).items.map((i) => i.kind), ['container', 'image', 'image', 'buildCache']);
  });

  it('describes the plan with each item and the total', () => {
    const text = describePlan(planPrune('danglingImages', input));
    assert.match(text, /^2 items, 500 B to reclaim:\nimage leaf00000000 — 300 B\nimage par000000000 \(untagged parent\) — 200 B$/);
    assert.equal(describePlan(planPrune('danglingImages', { ...input, images: [base] })), 'Nothing to remove.');
  });

  it('removes exactly the planned items, keeps going after a failure, and reports bytes', async () => {
    const plan = planPrune('system', input);
    const asked: string[] = [];
    const report = await runPlan(plan, async (item) => {
      asked.push(item.id);
      if (item.id === sha('par')) throw new Error('conflict');
      return item.kind === 'buildCache' ? 38 : undefined;
    });
    assert.deepEqual(asked, plan.items.map((i) => i.id));
    assert.equal(report.removed.length, 3);
    assert.equal(report.reclaimed, 10 + 300 + 38);
    assert.match(describeReport(report), /Removed 3 items, reclaimed 348 B\. 1 failed: par000000000 \(untagged parent\): conflict/);
  });
});
