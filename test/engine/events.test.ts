// The events stream against real daemons: events arrive, a stopped daemon is noticed, a restarted
// one is followed again. The stop/start test uses its own daemon ("evt") so others are undisturbed.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { createEngine } from '../../src/docker/connect';
import type { Disposable, Engine, EngineError } from '../../src/docker/engine';
import type { EngineEvent } from '../../src/model/types';
import { createThrowawayContainer, docker, RIG, testEngine, throwawayName, waitFor } from './helpers';

const run = promisify(execFile);

/** Records what a subscription reports, with timestamps. */
class Recorder {
  events: EngineEvent[] = [];
  resyncs: number[] = [];
  disconnects: { at: number; error: EngineError }[] = [];
  subscription: Disposable;
  constructor(engine: Engine) {
    this.subscription = engine.subscribe({
      onEvent: (e) => this.events.push(e),
      onResync: () => this.resyncs.push(Date.now()),
      onDisconnect: (error) => this.disconnects.push({ at: Date.now(), error }),
    });
  }
}

describe('engine: events', () => {
  const subscriptions: Disposable[] = [];
  afterEach(() => { for (const s of subscriptions.splice(0)) s.dispose(); });
  const record = (engine: Engine) => {
    const r = new Recorder(engine);
    subscriptions.push(r.subscription);
    return r;
  };

  it('resyncs once on connect, then delivers a container\'s create/start/die/destroy', async () => {
    const r = record(testEngine());
    await waitFor('first resync', () => r.resyncs.length === 1 || undefined, 5000);
    const id = createThrowawayContainer(throwawayName('evt'), 'echo hi');
    docker('start', '-a', id);
    docker('rm', id);
    const actions = await waitFor('destroy event', () => {
      const mine = r.events.filter((e) => e.type === 'container' && e.id === id).map((e) => e.action);
      return mine.includes('destroy') ? mine : undefined;
    }, 5000);
    for (const a of ['create', 'start', 'die', 'destroy']) assert.ok(actions.includes(a), `${a} in ${actions}`);
    const start = r.events.find((e) => e.id === id && e.action === 'start')!;
    assert.equal(start.attributes.image, 'layerscope-fixture/multi:1');
    assert.ok(start.timeNano > 0);
    assert.deepEqual(r.disconnects, []);
    assert.equal(r.resyncs.length, 1);
  });

  it('connection refused is reported at once, and retried until disposed', async () => {
    const t0 = Date.now();
    const r = record(createEngine({ setting: 'unix:///run/layerscope-nowhere/docker.sock', env: {}, homeDir: os.homedir() }, { backoff: { initialMs: 20, maxMs: 40 } }));
    const first = await waitFor('onDisconnect', () => r.disconnects[0], 2000);
    assert.ok(first.at - t0 < 2000);
    assert.equal(first.error.code, 'unreachable');
    assert.match(first.error.message, /^Docker engine not reachable at unix:\/\/\/run\/layerscope-nowhere\/docker\.sock \(ENOENT\)/);
    await new Promise((res) => setTimeout(res, 200));
    assert.equal(r.disconnects.length, 1, 'the same failure is reported once, not on every retry');
    assert.equal(r.resyncs.length, 0);
  });

  describe('a daemon that stops and starts again', function () {
    this.timeout(120_000);
    const NAME = 'evt';
    const rig = (cmd: string) => run('bash', [path.join(RIG, 'dockerd.sh'), cmd, NAME]);
    let endpoint = '';
    before(async () => { endpoint = (await rig('start')).stdout.trim(); });
    after(async () => { await rig('stop'); });

    it('onDisconnect within 2 s of the stop, onResync after the start, events flow again', async () => {
      const engine = createEngine({ setting: endpoint, env: {}, homeDir: os.homedir() });
      const r = record(engine);
      await waitFor('first resync', () => r.resyncs.length === 1 || undefined, 5000);

      await rig('stop');
      const stopped = Date.now();
      const lost = await waitFor('onDisconnect after stop', () => r.disconnects[0], 2000);
      assert.ok(lost.at - stopped <= 2000, `${lost.at - stopped} ms`);
      assert.equal(lost.error.code, 'unreachable');
      assert.ok(lost.error.message.startsWith(`Docker engine not reachable at ${endpoint} (`), lost.error.message);
      await assert.rejects(engine.ping(), (e: EngineError) => e.code === 'unreachable');

      await rig('start');
      await waitFor('onResync after start', () => r.resyncs.length === 2 || undefined, 15_000);
      const volume = throwawayName('evtvol');
      await run('docker', ['volume', 'create', volume], { env: { ...process.env, DOCKER_HOST: endpoint } });
      await waitFor('volume create event', () => r.events.find((e) => e.type === 'volume' && e.action === 'create' && e.id === volume), 5000);
      await run('docker', ['volume', 'rm', volume], { env: { ...process.env, DOCKER_HOST: endpoint } });
      await engine.ping();
    });
  });
});
