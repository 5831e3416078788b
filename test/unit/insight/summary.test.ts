import { strict as assert } from 'node:assert';
import { summarize, INSIGHT_VERSION } from '../../../src/insight/summary';
import { plantedImage } from './planted';

describe('insight/summary', () => {
  it('summarises per layer: caches, secrets, ignorable folders, and bytes a later layer deleted', async () => {
    const { analysis } = await plantedImage();
    const s = summarize(analysis);
    assert.equal(s.version, INSIGHT_VERSION);
    assert.equal(s.id, analysis.id);
    assert.deepEqual(s.emptyLayers, [false, false, false, false, true]);
    assert.equal(s.history.length, 5);
    assert.deepEqual(s.layers.map((l) => [l.index, l.step, l.size, l.wastedBytes]), [
      [0, 0, 7151, 0], [1, 1, 365_000, 0], [2, 2, 3_000_000, 3_000_000], [3, 3, 0, 0],
    ]);
    assert.deepEqual(s.layers[0].secrets, [
      { path: 'srv/.env', bytes: 30, kind: 'environment file' },
      { path: 'srv/config/deploy-key.pem', bytes: 1700, kind: 'private key' },
    ]);
    assert.deepEqual(s.layers[0].ignorable, [
      { path: 'srv/.git', kind: '.git', bytes: 5021 },
      { path: 'srv/node_modules', kind: 'node_modules', bytes: 300 },
    ]);
    assert.deepEqual(s.layers[1].caches, [
      { kind: 'apt-archives', path: 'var/cache/apt', bytes: 120_000 },
      { kind: 'apt-lists', path: 'var/lib/apt/lists', bytes: 40_000 },
      { kind: 'pip', path: 'root/.cache/pip', bytes: 5000 },
    ]);
    assert.deepEqual(s.layers[2].wasted, [{ by: 3, bytes: 3_000_000, count: 1, cacheBytes: 0, ignorableBytes: 0, paths: [{ path: 'tmp/big', bytes: 3_000_000 }] }]);
    assert.deepEqual(s.largeFiles.slice(0, 2), [{ path: 'usr/bin/curl', bytes: 200_000, layer: 1 }, { path: 'var/cache/apt/archives/curl.deb', bytes: 120_000, layer: 1 }]);
    // Small and plain JSON: it round-trips unchanged.
    assert.deepEqual(JSON.parse(JSON.stringify(s)), s);
  });
});
