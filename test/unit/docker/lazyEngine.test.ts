// The lazy Engine: the adapter loads on the first request (once), subscribe() waits for a request
// or the grace period, and a method set on the engine (a wrapper) wins over the lazy one.
import * as assert from 'assert';
import type { Engine, EventStreamListener } from '../../../src/docker/engine';
import { lazyEngine } from '../../../src/docker/lazyEngine';
import type { EngineInfo } from '../../../src/model/types';

const info = { endpoint: 'unix:///nowhere.sock', source: 'setting' } as unknown as EngineInfo;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function fakeAdapter(log: string[]): Engine {
  return {
    ping: async () => { log.push('ping'); },
    listImages: async () => { log.push('listImages'); return []; },
    subscribe: (listener: EventStreamListener) => { log.push('subscribe'); listener.onResync(); return { dispose: () => log.push('unsubscribe') }; },
  } as unknown as Engine;
}

describe('docker/lazyEngine', () => {
  it('loads the adapter once, on the first request, and answers with it', async () => {
    const log: string[] = [];
    let loads = 0;
    const engine = lazyEngine(info, async () => { loads++; return fakeAdapter(log); });
    assert.strictEqual(engine.info, info);
    assert.strictEqual(loads, 0, 'nothing loads before a request');
    await Promise.all([engine.ping(), engine.listImages({})]);
    await engine.ping();
    assert.strictEqual(loads, 1);
    assert.deepStrictEqual(log, ['ping', 'listImages', 'ping']);
  });

  it('with a grace period, subscribe() waits for the first request', async () => {
    const log: string[] = [];
    const engine = lazyEngine(info, async () => fakeAdapter(log), { subscribeGraceMs: 60_000 });
    let resynced = 0;
    const sub = engine.subscribe({ onEvent: () => {}, onResync: () => resynced++, onDisconnect: () => {} });
    await sleep(20);
    assert.deepStrictEqual(log, [], 'no adapter, no stream before a request');
    await engine.ping();
    await sleep(20);
    assert.deepStrictEqual(log, ['ping', 'subscribe']);
    assert.strictEqual(resynced, 1);
    sub.dispose();
    assert.deepStrictEqual(log, ['ping', 'subscribe', 'unsubscribe']);
  });

  it('with a grace period, subscribe() starts by itself when it runs out', async () => {
    const log: string[] = [];
    const engine = lazyEngine(info, async () => fakeAdapter(log), { subscribeGraceMs: 10 });
    engine.subscribe({ onEvent: () => {}, onResync: () => {}, onDisconnect: () => {} });
    await sleep(60);
    assert.deepStrictEqual(log, ['subscribe']);
  });

  it('a failing load reaches the listener as a disconnect', async () => {
    const engine = lazyEngine(info, async () => { throw new Error('boom'); });
    const errors: string[] = [];
    engine.subscribe({ onEvent: () => {}, onResync: () => {}, onDisconnect: (e) => errors.push(e.message) });
    await sleep(20);
    assert.strictEqual(errors.length, 1);
    await assert.rejects(engine.ping(), /boom/);
  });

  it('a method set on the engine wins, and deleting it restores the lazy one', async () => {
    const log: string[] = [];
    const engine = lazyEngine(info, async () => fakeAdapter(log));
    const original = engine.ping.bind(engine);
    let calls = 0;
    (engine as { ping: () => Promise<void> }).ping = () => { calls++; return original(); };
    await engine.ping();
    delete (engine as Partial<{ ping: unknown }>).ping;
    await engine.ping();
    assert.strictEqual(calls, 1);
    assert.deepStrictEqual(log, ['ping', 'ping']);
  });

  describe('quick lists (a local socket, before the adapter has loaded)', () => {
    const quickImage = { id: 'sha256:quick' };
    function quickEngine(log: string[], quick: { fail?: boolean; delayMs?: number } = {}) {
      let loads = 0;
      const engine = lazyEngine(info, async () => { loads++; log.push('load'); return fakeAdapter(log); }, {
        subscribeGraceMs: 60_000,
        quick: {
          listImages: async () => {
            log.push('quick listImages');
            await sleep(quick.delayMs ?? 0);
            log.push('quick listImages done');
            if (quick.fail) throw new Error('HTTP 500');
            return [quickImage] as never;
          },
          listContainers: async () => { log.push('quick listContainers'); return []; },
        },
      });
      return { engine, loads: () => loads };
    }

    it('answers the first lists without loading the adapter, which loads with the first other request', async () => {
      const log: string[] = [];
      const { engine, loads } = quickEngine(log);
      const sub = engine.subscribe({ onEvent: () => {}, onResync: () => {}, onDisconnect: () => {} });
      const [images] = await Promise.all([engine.listImages({ all: true }), engine.listContainers({ all: true })]);
      assert.deepStrictEqual(images, [quickImage]);
      assert.deepStrictEqual(log.slice(0, 3).sort(), ['quick listContainers', 'quick listImages', 'quick listImages done']);
      await sleep(20);
      assert.strictEqual(loads(), 0, 'the quick lists alone load nothing more (the views may still be loading)');
      assert.deepStrictEqual(await engine.listImages({}), [quickImage], 'still quick');
      await engine.ping();
      await sleep(20);
      assert.strictEqual(loads(), 1, 'another request loads the adapter, and the event stream starts');
      assert.deepStrictEqual(log.slice(-3), ['load', 'ping', 'subscribe']);
      await engine.listImages({});
      assert.strictEqual(log.at(-1), 'listImages', 'once loaded, the adapter answers');
      sub.dispose();
    });

    it('a quick list that fails is asked again through the adapter', async () => {
      const log: string[] = [];
      const { engine } = quickEngine(log, { fail: true });
      assert.deepStrictEqual(await engine.listImages({}), []);
      assert.deepStrictEqual(log, ['quick listImages', 'quick listImages done', 'load', 'listImages']);
    });

    it('another request waits for the quick lists in flight before loading the adapter', async () => {
      const log: string[] = [];
      const { engine } = quickEngine(log, { delayMs: 30 });
      await Promise.all([engine.listImages({}), engine.ping()]);
      assert.deepStrictEqual(log, ['quick listImages', 'quick listImages done', 'load', 'ping']);
    });

    it('the adapter loads after the quick answers have had a timer turn to leave (as VS Code sends them)', async () => {
      const log: string[] = [];
      const { engine } = quickEngine(log, { delayMs: 10 });
      const rows = engine.listImages({}).then(async (images) => {
        await Promise.resolve(); // the view builds its rows
        setTimeout(() => log.push('rows sent'), 0);
        return images;
      });
      await Promise.all([rows, engine.ping()]);
      assert.deepStrictEqual(log, ['quick listImages', 'quick listImages done', 'rows sent', 'load', 'ping']);
    });
  });
});
