// The event subscription's own logic over a scripted transport: when it reports, when it resyncs,
// how it backs off, and that nothing leaks after dispose. (The real-daemon behaviour is in test/engine.)
import * as assert from 'node:assert/strict';
import { PassThrough, type Readable } from 'node:stream';
import { EngineError } from '../../../src/docker/engine';
import { unreachable } from '../../../src/docker/errors';
import { subscribeEvents } from '../../../src/docker/events';
import type { Transport } from '../../../src/docker/transport';

const ENDPOINT = 'unix:///x.sock';
type Step = 'refused' | 'gone' | PassThrough;

/** A transport whose successive stream() calls follow a script; records when each call happened. */
function scripted(steps: Step[]) {
  const calls: number[] = [];
  const transport = {
    endpoint: ENDPOINT,
    stream: async (): Promise<Readable> => {
      calls.push(Date.now());
      const step = steps.shift() ?? 'refused';
      if (step === 'refused') throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
      if (step === 'gone') throw Object.assign(new Error('connect ENOENT'), { code: 'ENOENT' });
      return step;
    },
  } as unknown as Transport;
  return { transport, calls };
}

function recorder() {
  const log: string[] = [];
  const errors: EngineError[] = [];
  return {
    log, errors,
    listener: {
      onEvent: (e: { action: string; id: string }) => log.push(`event ${e.action} ${e.id}`),
      onResync: () => log.push('resync'),
      onDisconnect: (e: EngineError) => { errors.push(e); log.push(`disconnect ${e.code}`); },
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(what: string, ok: () => boolean, ms = 2000) {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(2);
  }
}

describe('docker/events: subscription logic', () => {
  it('resyncs on connect, parses events split across chunks, and reports the end of the stream', async () => {
    const stream = new PassThrough();
    const { transport } = scripted([stream]);
    const r = recorder();
    const sub = subscribeEvents(transport, r.listener, { initialMs: 1000, maxMs: 1000 });
    await until('resync', () => r.log.includes('resync'));
    stream.write('{"Type":"container","Action":"start","Actor":{"ID":"a1"}}\n{"Type":"image","Act');
    stream.write('ion":"tag","Actor":{"ID":"i1"}}\n');
    await until('two events', () => r.log.length === 3);
    stream.destroy(unreachable(ENDPOINT, 'connection lost'));
    await until('disconnect', () => r.errors.length === 1);
    sub.dispose();
    assert.deepEqual(r.log, ['resync', 'event start a1', 'event tag i1', 'disconnect unreachable']);
    assert.equal(r.errors[0].message, 'Docker engine not reachable at unix:///x.sock (connection lost). Start Docker or set layerscope.host.');
  });

  it('a clean end of the stream counts as a lost engine too', async () => {
    const stream = new PassThrough();
    const { transport } = scripted([stream]);
    const r = recorder();
    const sub = subscribeEvents(transport, r.listener, { initialMs: 1000, maxMs: 1000 });
    await until('resync', () => r.log.includes('resync'));
    stream.end();
    await until('disconnect', () => r.errors.length === 1);
    sub.dispose();
    assert.match(r.errors[0].message, /\(connection lost\)/);
  });

  it('retries with doubling delays up to the cap, reports each change of failure once, resets after success', async () => {
    const later = new PassThrough();
    const { transport, calls } = scripted(['refused', 'refused', 'refused', 'gone', 'gone', later, 'refused', 'refused']);
    const r = recorder();
    const sub = subscribeEvents(transport, r.listener, { initialMs: 20, maxMs: 160 });
    await until('resync after retries', () => r.log.includes('resync'), 5000);
    later.end();
    await until('two more attempts', () => calls.length >= 8, 5000);
    sub.dispose();
    const gaps = calls.slice(1).map((t, i) => t - calls[i]);
    // 20, 40, 80, 160, 160 before the success (lower bounds: a busy machine only makes gaps longer).
    [20, 40, 80, 160, 160].forEach((ms, i) => assert.ok(gaps[i] >= ms - 2, `gap ${i}: ${gaps[i]} ms, expected >= ${ms} (${gaps})`));
    // After a success the delay starts again from 20 ms, far below the 160 ms cap.
    assert.ok(gaps[6] < 140, `first retry after a success: ${gaps[6]} ms (${gaps})`);
    // Refused, then the socket vanished, then connected, then the stream ended, then refused again.
    assert.deepEqual(r.log, ['disconnect unreachable', 'disconnect unreachable', 'resync', 'disconnect unreachable', 'disconnect unreachable']);
    assert.deepEqual(r.errors.map((e) => /\((\w+)/.exec(e.message)?.[1]), ['ECONNREFUSED', 'ENOENT', 'connection', 'ECONNREFUSED']);
  });

  it('a throwing listener does not stop the stream for the next events', async () => {
    const stream = new PassThrough();
    const { transport } = scripted([stream]);
    const seen: string[] = [];
    const sub = subscribeEvents(transport, {
      onEvent: (e) => { seen.push(e.id); throw new Error('listener bug'); },
      onResync: () => { throw new Error('listener bug'); },
      onDisconnect: () => undefined,
    }, { initialMs: 1000, maxMs: 1000 });
    await sleep(10);
    stream.write('{"Type":"container","Action":"die","Actor":{"ID":"x"}}\n{"Type":"container","Action":"die","Actor":{"ID":"y"}}\n');
    await until('both events', () => seen.length === 2);
    sub.dispose();
  });

  it('a config error (bad address, bad certificate) is reported once and not retried', async () => {
    let calls = 0;
    const transport = {
      endpoint: ENDPOINT,
      stream: async () => { calls++; throw new EngineError('config', 'Cannot use the engine address "x"', ''); },
    } as unknown as Transport;
    const r = recorder();
    const sub = subscribeEvents(transport, r.listener, { initialMs: 1, maxMs: 1 });
    await until('the error', () => r.errors.length === 1);
    await sleep(30);
    sub.dispose();
    assert.equal(calls, 1);
    assert.deepEqual(r.log, ['disconnect config']);
  });

  it('after dispose nothing is reported and no retry is made', async () => {
    const { transport, calls } = scripted(['refused']);
    const r = recorder();
    const sub = subscribeEvents(transport, r.listener, { initialMs: 5, maxMs: 5 });
    await until('first failure', () => r.errors.length === 1);
    sub.dispose();
    const n = calls.length;
    await sleep(40);
    assert.equal(calls.length, n);
    assert.equal(r.errors.length, 1);
  });
});
