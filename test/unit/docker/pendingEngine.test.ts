// The pending Engine: while the engine's code loads, requests wait for it and go to it, `info` says
// it is still loading, a subscription starts once it is there; then everything reads through.
import * as assert from 'assert';
import type { Engine, EventStreamListener } from '../../../src/docker/engine';
import { pendingEngine } from '../../../src/docker/pendingEngine';

const info = { endpoint: 'unix:///nowhere.sock', source: 'setting' };

function fakeEngine(log: string[]): Engine {
  return {
    info,
    ping: async () => { log.push('ping'); },
    listImages: async (o: { all?: boolean }) => { log.push(`listImages all=${o.all}`); return ['x']; },
    subscribe: (listener: EventStreamListener) => { log.push('subscribe'); listener.onResync(); return { dispose: () => log.push('unsubscribe') }; },
  } as unknown as Engine;
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

describe('docker/pendingEngine', () => {
  it('holds requests until the engine has loaded, then answers them with it', async () => {
    const log: string[] = [];
    const loading = deferred<Engine>();
    const engine = pendingEngine(loading.promise);
    const images = engine.listImages({ all: true });
    assert.throws(() => engine.info, /still loading/);
    assert.deepStrictEqual(log, []);
    loading.resolve(fakeEngine(log));
    assert.deepStrictEqual(await images, ['x']);
    assert.deepStrictEqual(engine.info, info, 'info reads through once loaded');
    await engine.ping();
    assert.deepStrictEqual(log, ['listImages all=true', 'ping']);
  });

  it('starts a subscription made while loading once the engine is there, and not after a dispose', async () => {
    const log: string[] = [];
    const loading = deferred<Engine>();
    const engine = pendingEngine(loading.promise);
    let resynced = 0;
    const kept = engine.subscribe({ onEvent: () => {}, onResync: () => resynced++, onDisconnect: () => {} });
    const dropped = engine.subscribe({ onEvent: () => {}, onResync: () => resynced++, onDisconnect: () => {} });
    dropped.dispose();
    loading.resolve(fakeEngine(log));
    await loading.promise;
    await new Promise((r) => setImmediate(r));
    assert.deepStrictEqual(log, ['subscribe']);
    assert.strictEqual(resynced, 1);
    kept.dispose();
    assert.deepStrictEqual(log, ['subscribe', 'unsubscribe']);
  });

  it('rejects held requests when the engine code fails to load', async () => {
    const loading = deferred<Engine>();
    const engine = pendingEngine(loading.promise);
    const ping = engine.ping();
    loading.reject(new Error('chunk missing'));
    await assert.rejects(ping, /chunk missing/);
  });

  it('is not a thenable (awaiting it does not wait for the engine)', () => {
    const engine = pendingEngine(new Promise<Engine>(() => {}));
    assert.strictEqual((engine as unknown as { then?: unknown }).then, undefined);
  });
});
