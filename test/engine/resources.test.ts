// Volumes, networks, run (create from a RunSpec) and streamed stats against the real test daemon.
// Containers run with --network none; the networks made here never get a container.
import * as assert from 'node:assert/strict';
import { type Engine, EngineError } from '../../src/docker/engine';
import { cpuPercent } from '../../src/model/stats';
import type { StatsFrame } from '../../src/model/types';
import { createThrowawayContainer, docker, testEngine, throwawayName, waitFor } from './helpers';

describe('engine: volumes, networks, run, stats', () => {
  let engine: Engine;
  const cleanup: (() => void)[] = [];
  before(() => { engine = testEngine(); });
  after(() => {
    for (const c of cleanup.reverse()) { try { c(); } catch { /* already gone */ } }
  });

  it('creates, lists, inspects and removes a volume; the list shows what a container mounts', async () => {
    const name = throwawayName('vol');
    const created = await engine.createVolume({ name, labels: { 'layerscope.throwaway': '1' } });
    cleanup.push(() => docker('volume', 'rm', '-f', name));
    assert.equal(created.name, name);
    assert.equal(created.driver, 'local');
    assert.match(created.mountpoint, new RegExp(`/volumes/${name}/_data$`));
    assert.ok((await engine.listVolumes()).some((v) => v.name === name));
    assert.equal((await engine.inspectVolume(name)).Name, name);
    const user = createThrowawayContainer(throwawayName('vol-user'), 'true', ['-v', `${name}:/data`]);
    cleanup.push(() => docker('rm', '-f', user));
    const listed = (await engine.listContainers({ all: true })).find((c) => c.id === user)!;
    assert.deepEqual(listed.attachments?.volumes, [name]);
    assert.deepEqual((await engine.getContainer(user))!.attachments, listed.attachments, 'inspect agrees with the list');
    await assert.rejects(engine.removeVolume(name), (e: EngineError) => e.code === 'conflict' && /in use/.test(e.message));
    docker('rm', '-f', user);
    await engine.removeVolume(name);
    await assert.rejects(engine.inspectVolume(name), (e: EngineError) => e.code === 'notFound');
  });

  it('an anonymous volume gets a name from the engine', async () => {
    const v = await engine.createVolume({});
    cleanup.push(() => docker('volume', 'rm', '-f', v.name));
    assert.match(v.name, /^[0-9a-f]{64}$/);
  });

  it('creates an internal network with a subnet, lists, inspects and removes it; duplicates are refused', async () => {
    const name = throwawayName('net');
    const id = await engine.createNetwork({ name, internal: true, subnet: '172.31.251.0/24', labels: { 'layerscope.throwaway': '1' } });
    cleanup.push(() => docker('network', 'rm', name));
    const listed = (await engine.listNetworks()).find((n) => n.id === id)!;
    assert.deepEqual({ ...listed, created: 0 }, { id, name, driver: 'bridge', scope: 'local', internal: true, subnets: ['172.31.251.0/24'], created: 0, labels: { 'layerscope.throwaway': '1' } });
    assert.ok(listed.created > 0);
    assert.equal((await engine.inspectNetwork(id)).Name, name);
    await assert.rejects(engine.createNetwork({ name, internal: true }), (e: EngineError) => e.code === 'conflict');
    // The built-in ones are there and the engine refuses to remove them.
    const none = (await engine.listNetworks()).find((n) => n.name === 'none')!;
    await assert.rejects(engine.removeNetwork(none.id), (e: EngineError) => e.code === 'permission' || e.code === 'badRequest' || e.code === 'server');
    await engine.removeNetwork(id);
    await assert.rejects(engine.inspectNetwork(id), (e: EngineError) => e.code === 'notFound');
    // A container on network none names it; the endpoint ID comes when it first starts.
    const c = createThrowawayContainer(throwawayName('net-user'), 'true');
    cleanup.push(() => docker('rm', '-f', c));
    assert.deepEqual((await engine.getContainer(c))!.attachments!.networks.map((n) => n.name), ['none']);
    docker('start', c);
    await waitFor('it to exit', async () => (await engine.getContainer(c))?.state === 'exited', 10_000);
    const afterRun = (await engine.listContainers({ all: true })).find((x) => x.id === c)!;
    assert.deepEqual(afterRun.attachments!.networks, [{ name: 'none', id: none.id }]);
  });

  it('creates a container from a RunSpec exactly as asked, and it runs', async () => {
    const name = throwawayName('run');
    const id = await engine.createContainer({
      image: 'layerscope-fixture/multi:1', name, command: ['sh', '-c', 'echo "$A and $B"'], env: ['A=1', 'B=two words'],
      ports: [{ container: '8080/tcp', host: '' }], volumes: [`${name}-vol:/data`], network: 'none', autoRemove: false, interactive: false,
      labels: { 'layerscope.throwaway': '1' },
    });
    cleanup.push(() => docker('volume', 'rm', '-f', `${name}-vol`));
    cleanup.push(() => docker('rm', '-f', id));
    const inspect = await engine.inspectContainer(id) as { Name: string; Config: { Env: string[]; Cmd: string[]; ExposedPorts: object }; HostConfig: { NetworkMode: string; Binds: string[] } };
    assert.equal(inspect.Name, `/${name}`);
    assert.deepEqual(inspect.Config.Cmd, ['sh', '-c', 'echo "$A and $B"']);
    assert.ok(inspect.Config.Env.includes('B=two words'));
    assert.deepEqual(Object.keys(inspect.Config.ExposedPorts), ['8080/tcp']);
    assert.equal(inspect.HostConfig.NetworkMode, 'none');
    assert.deepEqual(inspect.HostConfig.Binds, [`${name}-vol:/data`]);
    await engine.startContainer(id);
    await waitFor('it to exit', async () => (await engine.getContainer(id))?.state === 'exited', 10_000);
    assert.equal(docker('logs', id), '1 and two words');
    await assert.rejects(engine.createContainer({ image: 'layerscope-no-such-image:1', command: [], env: [], ports: [], volumes: [], network: 'none', autoRemove: true, interactive: false }),
      (e: EngineError) => e.code === 'notFound');
  });

  it('streams stats about once a second until aborted, with CPU of a busy container', async () => {
    const id = createThrowawayContainer(throwawayName('stats'), 'while true; do :; done');
    cleanup.push(() => docker('rm', '-f', id));
    docker('start', id);
    const frames: StatsFrame[] = [];
    const abort = new AbortController();
    const started = Date.now();
    const done = engine.streamStats(id, (f) => {
      frames.push(f);
      if (frames.length === 4) abort.abort();
    }, abort.signal);
    await done;
    const took = Date.now() - started;
    assert.equal(frames.length, 4);
    assert.ok(took >= 2000 && took < 15_000, `four frames a second apart: ${took} ms`);
    const last = frames[3];
    assert.ok(cpuPercent(last) > 0, `busy: ${cpuPercent(last)} %`);
    assert.ok(last.memoryUsage > 0 && last.memoryLimit > 0);
    assert.ok(last.pids >= 1);
    assert.ok(last.readAt > frames[2].readAt);
  });

  it('aborting ends the stream at once, also after the container stopped (the engine keeps it open)', async () => {
    const id = createThrowawayContainer(throwawayName('stats-end'), 'sleep 600');
    cleanup.push(() => docker('rm', '-f', id));
    docker('start', id);
    let frames = 0;
    const abort = new AbortController();
    const done = engine.streamStats(id, () => { frames++; }, abort.signal);
    await waitFor('a first frame', () => frames > 0, 10_000);
    docker('kill', id);
    await new Promise((r) => setTimeout(r, 1500));
    const at = Date.now();
    abort.abort();
    await done;
    assert.ok(Date.now() - at < 1000, 'ended within a second of the abort');
  });
});
