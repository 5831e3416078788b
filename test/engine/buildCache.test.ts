// Build cache against a real daemon: records made by a BuildKit build (the legacy-built fixtures leave
// none) as diskUsage() maps them, and pruneBuildCache([id]) removing exactly that record.
import * as assert from 'node:assert/strict';
import type { Engine } from '../../src/docker/engine';
import { Daemon } from '../integration/support/engine';
import { buildWithBuildKit } from '../rig/buildkit';
import { docker, dockerHost, testEngine, throwawayName } from './helpers';

interface RawRecord { ID: string; Parent?: string; Type: string; Size: number; InUse: boolean; Shared: boolean; CreatedAt: string; UsageCount: number }

describe('engine: build cache', () => {
  let engine: Engine;
  let tag: string;
  let made: string[] = [];
  before(async function () {
    this.timeout(120_000);
    engine = testEngine();
    tag = `${throwawayName('buildkit')}:1`;
    const before = new Set((await engine.diskUsage()).buildCache.map((r) => r.id));
    await buildWithBuildKit(dockerHost(), tag, `engine-${process.pid}-${Date.now()}`);
    made = (await engine.diskUsage()).buildCache.map((r) => r.id).filter((id) => !before.has(id));
  });

  after(async () => {
    try { docker('rmi', '-f', tag); } catch { /* not built */ }
    // Its records are no longer shared with an image now: remove what the test made, by ID only.
    // One round per level of the record chain: a parent goes only after its children.
    for (let round = 0; round < 5; round++) {
      const left = (await engine.diskUsage()).buildCache.map((r) => r.id).filter((id) => made.includes(id));
      if (!left.length) break;
      await engine.pruneBuildCache(left);
    }
  });

  it('diskUsage maps the records a BuildKit build made, field by field', async () => {
    assert.ok(made.length >= 2, `a BuildKit build makes build cache records (new: ${made.join(', ') || 'none'})`);
    const socket = dockerHost().slice('unix://'.length);
    const raw = (await new Daemon('engine', '', socket).get<{ BuildCache: RawRecord[] }>('/system/df')).BuildCache;
    const mapped = (await engine.diskUsage()).buildCache;
    for (const id of made) {
      const r = raw.find((x) => x.ID === id)!;
      const m = mapped.find((x) => x.id === id)!;
      assert.deepEqual([m.id, m.type, m.size, m.inUse, m.shared, m.createdAt, m.usageCount, m.parents ?? []],
        [r.ID, r.Type, r.Size, r.InUse, r.Shared, r.CreatedAt, r.UsageCount, r.Parent ? [r.Parent] : []]);
      assert.ok(!Number.isNaN(Date.parse(m.createdAt)), m.createdAt);
      assert.ok(m.usageCount >= 1);
    }
    const mine = mapped.filter((m) => made.includes(m.id));
    assert.ok(mine.some((m) => m.type === 'source.local'), 'the build context is a record');
    assert.ok(mine.some((m) => m.type === 'regular' && m.shared), 'the RUN step is a record shared with the image');
    assert.ok(mine.every((m) => !m.inUse), 'the build is over: nothing in use');
    assert.ok(mine.some((m) => m.parents?.length), 'a step record names the one it builds on');
  });

  it('pruneBuildCache([id]) removes exactly that record and reports its bytes', async () => {
    const all = (await engine.diskUsage()).buildCache;
    const target = all.find((r) => made.includes(r.id) && !r.shared && !r.inUse && r.size > 0);
    assert.ok(target, 'an unshared record with bytes (the build context)');
    assert.equal(await engine.pruneBuildCache([target.id]), target.size);
    const after = (await engine.diskUsage()).buildCache.map((r) => r.id).sort();
    assert.deepEqual(after, all.map((r) => r.id).filter((id) => id !== target.id).sort());
  });

  it('pruneBuildCache with several IDs removes each of them (the engine takes one per request)', async function () {
    this.timeout(120_000);
    const before = new Set((await engine.diskUsage()).buildCache.map((r) => r.id));
    const second = `${throwawayName('buildkit')}:2`;
    await buildWithBuildKit(dockerHost(), second, `engine-two-${process.pid}-${Date.now()}`);
    docker('rmi', '-f', second); // its records are no longer shared: all of them can go
    const all = (await engine.diskUsage()).buildCache;
    const fresh = all.filter((r) => !before.has(r.id) && !r.shared && !r.inUse);
    assert.ok(fresh.length >= 2, `records of the second build: ${fresh.map((r) => r.id).join(', ')}`);
    // Deepest first: the engine keeps a record while a child of it remains.
    const depth = (r: { parents?: string[] }): number => Math.max(0, ...(r.parents ?? []).map((p) => 1 + depth(all.find((x) => x.id === p) ?? {})));
    fresh.sort((a, b) => depth(b) - depth(a));
    const reclaimed = await engine.pruneBuildCache(fresh.map((r) => r.id));
    // The engine's count can differ from /system/df's by a few bytes of metadata per record.
    assert.ok(reclaimed >= Math.max(...fresh.map((r) => r.size)) && reclaimed <= fresh.reduce((s, r) => s + r.size, 0), String(reclaimed));
    const after = (await engine.diskUsage()).buildCache.map((r) => r.id).sort();
    assert.deepEqual(after, all.map((r) => r.id).filter((id) => !fresh.some((f) => f.id === id)).sort());
  });
});
