import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InsightCache } from '../../../../src/insight/node/cache';
import { INSIGHT_VERSION } from '../../../../src/insight/summary';
import type { ImageInsight } from '../../../../src/insight/types';

const hex = (n: number): string => n.toString(16).padStart(64, '0');
const insight = (n: number): ImageInsight => ({
  version: INSIGHT_VERSION, id: `sha256:${hex(n)}`, repoTags: [], created: '', sizeBytes: n, finalBytes: n, wastedBytes: 0,
  emptyLayers: [], history: [], layers: [], largeFiles: [],
});

describe('insight/node/cache', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'layerscope-insight-cache-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives back what was put, by full or short-prefixed ID', async () => {
    const cache = new InsightCache(join(dir, 'nested'), 5);
    assert.equal(await cache.get(`sha256:${hex(1)}`), undefined);
    await cache.put(insight(1));
    assert.deepEqual(await cache.get(`sha256:${hex(1)}`), insight(1));
    assert.deepEqual(await cache.get(hex(1)), insight(1));
    assert.deepEqual([cache.hits, cache.misses], [2, 1]);
  });

  it('keeps at most maxEntries, dropping the least recently used', async () => {
    const cache = new InsightCache(dir, 2);
    for (const n of [1, 2]) await cache.put(insight(n));
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(dir, `${hex(1)}.insight.json`), old, old);
    utimesSync(join(dir, `${hex(2)}.insight.json`), old, new Date(Date.now() - 120_000));
    await cache.get(hex(2)); // now the most recently used
    await cache.put(insight(3));
    assert.deepEqual(readdirSync(dir).sort(), [`${hex(2)}.insight.json`, `${hex(3)}.insight.json`]);
  });

  it('drops entries of another summary version, a wrong ID, or unreadable JSON', async () => {
    const cache = new InsightCache(dir, 5);
    writeFileSync(join(dir, `${hex(4)}.insight.json`), JSON.stringify({ ...insight(4), version: INSIGHT_VERSION + 1 }));
    writeFileSync(join(dir, `${hex(5)}.insight.json`), JSON.stringify(insight(6)));
    writeFileSync(join(dir, `${hex(7)}.insight.json`), '{not json');
    assert.equal(await cache.get(hex(4)), undefined);
    assert.equal(await cache.get(hex(5)), undefined);
    assert.equal(await cache.get(hex(7)), undefined);
    assert.deepEqual(readdirSync(dir), [`${hex(7)}.insight.json`]);
    assert.equal(await cache.get('not-an-id'), undefined);
    await cache.clear();
    assert.deepEqual(readdirSync(dir), []);
  });
});
