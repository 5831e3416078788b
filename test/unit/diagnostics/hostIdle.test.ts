import * as assert from 'assert';
import { whenHostIdle, type IdleOptions } from '../../../src/diagnostics/hostIdle';

/** A clock and timer the test drives: each timer fires `lateBy(n)` ms after it was due (n-th timer). */
function drivenHost(lateBy: (n: number) => number) {
  let clock = 1000;
  let fired = 0;
  const queue: { run: () => void; due: number }[] = [];
  const options: IdleOptions = { now: () => clock, setTimer: (run, ms) => { queue.push({ run, due: clock + ms }); } };
  /** Fires timers until `done` says so (or 1000 of them); returns how many fired. */
  const drain = async (settled: () => boolean) => {
    while (!settled() && queue.length && fired < 1000) {
      const next = queue.shift()!;
      clock = next.due + lateBy(fired++);
      next.run();
      await Promise.resolve();
    }
    return fired;
  };
  return { options, drain, now: () => clock };
}

async function outcome(lateBy: (n: number) => number, extra: IdleOptions = {}) {
  const host = drivenHost(lateBy);
  let result: string | undefined;
  const started = host.now();
  const waiting = whenHostIdle({ quietMs: 100, stepMs: 25, slackMs: 10, maxWaitMs: 2000, ...host.options, ...extra }).then((r) => { result = r; });
  await host.drain(() => result !== undefined);
  await waiting;
  return { result, waitedMs: host.now() - started };
}

describe('whenHostIdle', () => {
  it('is idle once timers have fired on time for the quiet span', async () => {
    const { result, waitedMs } = await outcome(() => 0);
    assert.strictEqual(result, 'idle');
    assert.strictEqual(waitedMs, 100);
  });

  it('starts the quiet span again after a late timer (the thread was busy)', async () => {
    // The 3rd timer fires 200 ms late: quiet counts from then.
    const { result, waitedMs } = await outcome((n) => (n === 2 ? 200 : 0));
    assert.strictEqual(result, 'idle');
    assert.strictEqual(waitedMs, 75 + 200 + 100);
  });

  it('counts a timer a little late (within the slack) as on time', async () => {
    const { result, waitedMs } = await outcome(() => 5);
    assert.strictEqual(result, 'idle');
    assert.ok(waitedMs <= 130, `waited ${waitedMs} ms`);
  });

  it('gives up waiting after maxWaitMs on a host that is never quiet', async () => {
    const { result, waitedMs } = await outcome(() => 40);
    assert.strictEqual(result, 'timeout');
    assert.ok(waitedMs >= 2000 && waitedMs < 2100, `waited ${waitedMs} ms`);
  });

  it('stops when its signal aborts', async () => {
    const abort = new AbortController();
    abort.abort();
    const { result } = await outcome(() => 0, { signal: abort.signal });
    assert.strictEqual(result, 'aborted');
  });

  it('runs on the real clock', async () => {
    assert.strictEqual(await whenHostIdle({ quietMs: 30, stepMs: 10, slackMs: 1000 }), 'idle');
  });
});
