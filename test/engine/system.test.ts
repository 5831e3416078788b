// Connection, version negotiation, disk usage, volumes, build cache and failures people must act on.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createEngine } from '../../src/docker/connect';
import { type Engine, EngineError } from '../../src/docker/engine';
import { MAX_API_VERSION, minVersion } from '../../src/docker/transport';
import { docker, dockerHost, recordingProxy, testEngine, throwawayName } from './helpers';

describe('engine: system', () => {
  let engine: Engine;
  before(() => { engine = testEngine(); });

  it('connects where DOCKER_HOST points and says so', async () => {
    assert.deepEqual(engine.info, { endpoint: dockerHost(), source: 'env' });
    await engine.ping();
  });

  it('the layerscope.host setting overrides DOCKER_HOST', async () => {
    const viaSetting = createEngine({ setting: dockerHost(), env: { DOCKER_HOST: 'unix:///nonexistent.sock' }, homeDir: os.homedir() });
    assert.equal(viaSetting.info.source, 'setting');
    await viaSetting.ping();
  });

  it('negotiates min(engine API, ours) and reports both', async () => {
    const v = await engine.version();
    assert.match(v.version, /^\d+\.\d+/);
    assert.match(v.apiVersion, /^1\.\d+$/);
    assert.equal(v.negotiatedApiVersion, minVersion(v.apiVersion, MAX_API_VERSION));
    assert.equal(v.os, 'linux');
  });

  it('negotiates from the API-Version header of GET /_ping, without the slower GET /version', async () => {
    const proxy = await recordingProxy();
    try {
      const viaProxy = createEngine({ setting: `unix://${proxy.socket}`, env: {}, homeDir: os.homedir() });
      const volumes = await viaProxy.listVolumes();
      assert.ok(Array.isArray(volumes));
      const v = await engine.version();
      assert.deepEqual(proxy.requests, ['GET /_ping HTTP/1.1', `GET /v${v.negotiatedApiVersion}/volumes HTTP/1.1`]);
    } finally {
      proxy.close();
    }
  });

  it('disk usage: concurrent callers all get an answer (dockerd refuses a second df while one runs)', async () => {
    const fresh = testEngine();
    const results = await Promise.all(Array.from({ length: 6 }, () => fresh.diskUsage()));
    for (const df of results) assert.equal(df.layersSize, results[0].layersSize);
    // A caller that gives up stops waiting with 'aborted'; the others still get their answer.
    const abort = new AbortController();
    const gaveUp = fresh.diskUsage(abort.signal);
    const stayed = fresh.diskUsage();
    abort.abort();
    await assert.rejects(gaveUp, (e: unknown) => e instanceof EngineError && e.code === 'aborted');
    assert.ok((await stayed).images.length > 0);
  });

  it('disk usage: fixtures with shared sizes and container counts computed', async () => {
    const df = await engine.diskUsage();
    const byRole = (role: string) => df.images.find((i) => i.labels['layerscope.fixture'] === role)!;
    assert.ok(df.layersSize >= 7238471, String(df.layersSize));
    assert.equal(byRole('multi').containers, 2);
    assert.equal(byRole('multi').sharedSize, 1985472);
    assert.equal(byRole('small').sharedSize, 0);
    assert.equal(byRole('hostile').sharedSize, 1985472);
    const exited = df.containers.find((c) => c.names.includes('layerscope-fixture-exited'))!;
    assert.equal(exited.sizeRootFs, 7238421);
    assert.equal(exited.state, 'exited');
  });

  it('volumes: a throwaway volume is listed, counted by disk usage, then removed', async () => {
    const name = throwawayName('vol');
    docker('volume', 'create', '--label', 'layerscope.throwaway=1', name);
    try {
      const listed = (await engine.listVolumes()).find((v) => v.name === name);
      assert.equal(listed?.driver, 'local');
      assert.equal(listed?.labels['layerscope.throwaway'], '1');
      assert.equal(listed?.size, -1, 'the list does not compute sizes');
      const inDf = (await engine.diskUsage()).volumes.find((v) => v.name === name);
      assert.equal(inDf?.refCount, 0);
      assert.ok((inDf?.size ?? -1) >= 0);
      await engine.removeVolume(name);
      assert.ok(!(await engine.listVolumes()).some((v) => v.name === name));
    } finally {
      try { docker('volume', 'rm', '-f', name); } catch { /* removed by the test */ }
    }
  });

  it('build cache prune: no IDs never becomes an unfiltered prune; an unknown ID reclaims nothing', async () => {
    // On an engine that cannot be reached, [] still answers 0: no request was sent at all.
    const gone = createEngine({ setting: 'unix:///run/layerscope-nowhere/docker.sock', env: {}, homeDir: os.homedir() });
    assert.equal(await gone.pruneBuildCache([]), 0);
    assert.equal(await engine.pruneBuildCache(['layerscope-no-such-record']), 0);
  });

  it('an unreachable socket path gives the actionable message', async () => {
    const sock = '/run/layerscope-nowhere/docker.sock';
    const gone = createEngine({ setting: `unix://${sock}`, env: {}, homeDir: os.homedir() });
    await assert.rejects(gone.listImages({}), (e: EngineError) =>
      e instanceof EngineError && e.code === 'unreachable' &&
      e.message === `Docker engine not reachable at unix://${sock} (ENOENT). Start Docker or set layerscope.host.`);
  });

  it('a socket path that nobody listens on is "connection refused"', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'layerscope-')), 'docker.sock');
    fs.writeFileSync(file, '');
    const refused = createEngine({ setting: `unix://${file}`, env: {}, homeDir: os.homedir() });
    await assert.rejects(refused.ping(), (e: EngineError) => e.code === 'unreachable' && /\(ECONNREFUSED\)/.test(e.message));
  });

  it('a bad setting is a config error on every call, not a crash', async () => {
    const bad = createEngine({ setting: 'ftp://x', env: {}, homeDir: os.homedir() });
    await assert.rejects(bad.listContainers({ all: true }), (e: EngineError) => e.code === 'config' && /unsupported scheme "ftp:\/\/"/.test(e.message));
  });

  it('a signal aborted before the call rejects at once as aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(engine.listImages({}, controller.signal), (e: EngineError) => e.code === 'aborted');
  });
});
