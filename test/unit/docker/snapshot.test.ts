import * as assert from 'node:assert/strict';
import type { Engine } from '../../../src/docker/engine';
import { EngineSnapshot } from '../../../src/docker/snapshot';
import { container, image } from '../model/explorerFixtures';

/** Counts list calls; the snapshot is vscode-free, so a small fake engine is enough here. */
function fakeEngine() {
  const calls = { images: 0, containers: 0, df: 0 };
  let failNext = false;
  const engine = {
    listImages: async () => { calls.images++; return [image('a', { repoTags: ['a:1'] })]; },
    listContainers: async () => {
      calls.containers++;
      if (failNext) { failNext = false; throw new Error('boom'); }
      return [container('one'), container('two')];
    },
    diskUsage: async () => { calls.df++; return { layersSize: 0, images: [], containers: [], volumes: [], buildCache: [] }; },
  } as unknown as Engine;
  return { engine, calls, failOnce: () => { failNext = true; } };
}

describe('views/snapshot (one read per list, shared by the views)', () => {
  it('shares one in-flight read between views and re-reads only what was invalidated', async () => {
    const { engine, calls } = fakeEngine();
    const s = new EngineSnapshot(() => engine);
    await Promise.all([s.images(), s.images(), s.containers(), s.containers()]);
    assert.deepEqual(calls, { images: 1, containers: 1, df: 0 });
    s.invalidate('containers');
    await Promise.all([s.images(), s.containers()]);
    assert.deepEqual(calls, { images: 1, containers: 2, df: 0 });
    s.invalidate();
    await Promise.all([s.images(), s.containers(), s.diskUsage()]);
    assert.deepEqual(calls, { images: 2, containers: 3, df: 1 });
  });

  it('does not cache a failed read', async () => {
    const { engine, calls, failOnce } = fakeEngine();
    const s = new EngineSnapshot(() => engine);
    failOnce();
    await assert.rejects(s.containers(), /boom/);
    assert.equal((await s.containers()).length, 2);
    assert.equal(calls.containers, 2);
  });

  it('patches one container in the cached list (add, replace, drop)', async () => {
    const { engine } = fakeEngine();
    const s = new EngineSnapshot(() => engine);
    const list = await s.containers();
    s.patchContainer(list[0].id, container('one', { state: 'running' }));
    s.patchContainer('three'.padEnd(64, '0'), container('three'));
    s.patchContainer(list[1].id, undefined);
    assert.deepEqual((await s.containers()).map((c) => `${c.names[0]}:${c.state}`), ['one:running', 'three:exited']);
  });
});
