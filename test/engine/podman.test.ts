// A second real engine: Podman's Docker-compatible API (Debian podman 4.x), started here as a
// private service with its own storage. The fixture images travel from the test dockerd through our
// saveImages/loadImages, so the same adapter is proven on both ends.
import * as assert from 'node:assert/strict';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { createEngine } from '../../src/docker/connect';
import type { Engine, EngineError } from '../../src/docker/engine';
import type { EngineEvent } from '../../src/model/types';
import { readAll, testEngine, throwawayName, waitFor } from './helpers';
import { analyzeImage } from '../../src/analysis';
import { assertMulti } from './multiFixture';

const ROOT = '/var/lib/layerscope-podman-test';
const RUN = '/run/layerscope-podman-test';
const SOCK = `${RUN}/podman.sock`;

describe('engine: Podman compatibility API', function () {
  this.timeout(120_000);
  let service: ChildProcess | undefined;
  let podman: Engine;
  const stopService = () => { service?.kill('SIGTERM'); };

  before(async () => {
    const bin = ['/usr/bin/podman', '/usr/local/bin/podman'].find((p) => fs.existsSync(p));
    assert.ok(bin, 'podman is not installed: apt-get install podman (scripts/install-deps.sh does)');
    fs.mkdirSync(RUN, { recursive: true });
    fs.rmSync(SOCK, { force: true });
    service = spawn(bin, [
      '--root', ROOT, '--runroot', `${RUN}/run`, '--tmpdir', `${RUN}/tmp`,
      '--cgroup-manager', 'cgroupfs', '--events-backend', 'file',
      'system', 'service', '--time=0', `unix://${SOCK}`,
    ], { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    service.stderr!.on('data', (c: Buffer) => { log += c.toString(); });
    process.once('exit', stopService);
    podman = createEngine({ setting: `unix://${SOCK}`, env: {}, homeDir: os.homedir() });
    await waitFor(`podman service on ${SOCK} (log: ${log})`, async () => {
      try { await podman.ping(); return true; } catch { return service!.exitCode === null ? undefined : Promise.reject(new Error(log)); }
    }, 30_000);
  });

  after(async () => {
    if (service && service.exitCode === null) {
      const exited = new Promise((r) => service!.once('exit', r));
      stopService();
      await exited;
    }
    process.removeListener('exit', stopService);
  });

  /** A container for Podman, created with the docker CLI against its socket (test set-up only). */
  function createContainer(name: string, command: string): string {
    // This VM refuses raising RLIMIT_NOFILE/NPROC, which Podman does by default: pin both.
    return execFileSync('docker', ['create', '--network', 'none', '--ulimit', 'nofile=1024:1024', '--ulimit', 'nproc=1024:1024',
      '--name', name, 'layerscope-fixture/multi:1', 'sh', '-c', command],
    { env: { ...process.env, DOCKER_HOST: `unix://${SOCK}` }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  }

  it('negotiates an API version with Podman', async () => {
    const v = await podman.version();
    assert.match(v.version, /^[45]\./);
    assert.match(v.negotiatedApiVersion, /^1\.\d+$/);
  });

  it('loads what dockerd saved: same image ID, labels and 12 history entries', async () => {
    const docker = testEngine();
    const [multi] = (await docker.listImages({})).filter((i) => i.labels['layerscope.fixture'] === 'multi');
    const text = await podman.loadImages(await docker.saveImages(['layerscope-fixture/multi:1']));
    assert.match(text, /Loaded image.*layerscope-fixture\/multi:1/);
    const loaded = (await podman.listImages({})).find((i) => i.id === multi.id);
    assert.ok(loaded, 'the image keeps its ID across engines');
    assert.ok(loaded.repoTags.some((t) => t.endsWith('layerscope-fixture/multi:1')), loaded.repoTags.join());
    assert.equal(loaded.labels['layerscope.fixture'], 'multi');
    const history = await podman.imageHistory(multi.id);
    assert.equal(history.length, 12);
    assert.ok(history.some((h) => h.size >= 5242880 && /dd if=\/dev\/zero/.test(h.createdBy)));
    await assert.rejects(podman.inspectImage('layerscope-nope:1'), (e: EngineError) => e.code === 'notFound');
  });

  it('analyses multi:1 from Podman\'s own save stream with the same numbers as from dockerd', async () => {
    const analysis = await analyzeImage(await podman.saveImages(['layerscope-fixture/multi:1']));
    assertMulti(analysis);
    const fromDocker = await analyzeImage(await testEngine().saveImages(['layerscope-fixture/multi:1']));
    assert.deepEqual(analysis.layers.map((l) => l.digest), fromDocker.layers.map((l) => l.digest));
    assert.equal(analysis.id, fromDocker.id);
  });

  it('container lifecycle, logs, top and stats, with the events stream watching', async () => {
    const events: EngineEvent[] = [];
    let resyncs = 0;
    const sub = podman.subscribe({ onEvent: (e) => events.push(e), onResync: () => { resyncs++; }, onDisconnect: () => undefined });
    try {
      await waitFor('resync', () => resyncs === 1 || undefined, 5000);
      const id = createContainer(throwawayName('pod'), 'trap "exit 0" TERM; echo out; echo err >&2; while true; do sleep 1; done');
      try {
        assert.equal((await podman.getContainer(id))?.state, 'created');
        await podman.startContainer(id);
        const listed = (await podman.listContainers({ all: false })).find((c) => c.id === id);
        assert.equal(listed?.state, 'running');
        assert.match(listed?.status ?? '', /^Up /);
        // The container prints right after start; conmon writes its log a moment later.
        const text = await waitFor('both log lines', async () => {
          const t = (await readAll(await podman.containerLogs(id, { follow: false }))).toString('utf8');
          return t.includes('out') && t.includes('err') ? t : undefined;
        }, 5000);
        assert.deepEqual(text.split('\n').sort(), ['', 'err', 'out']);
        const top = await podman.containerTop(id);
        assert.ok(top.processes.length >= 1, JSON.stringify(top));
        const stats = await podman.containerStats(id);
        assert.ok(stats.memoryUsage > 0 && Number.isFinite(stats.cpuPercent), JSON.stringify(stats));
        await podman.stopContainer(id);
        assert.equal((await podman.getContainer(id))?.state, 'exited');
        await waitFor('create and start events', () => {
          const mine = events.filter((e) => e.type === 'container' && e.id === id).map((e) => e.action);
          return mine.includes('create') && mine.includes('start') ? true : undefined;
        }, 5000);
      } finally {
        await podman.removeContainer(id, { force: true });
      }
      assert.equal(await podman.getContainer(id), undefined);
    } finally {
      sub.dispose();
    }
  });

  it('disk usage in Podman\'s shape normalises too (its bare image IDs get their sha256: back)', async () => {
    const [multi] = (await testEngine().listImages({})).filter((i) => i.labels['layerscope.fixture'] === 'multi');
    const df = await podman.diskUsage();
    const image = df.images.find((i) => i.id === multi.id);
    assert.ok(image, JSON.stringify(df.images.map((i) => i.id)));
    assert.ok(image.size > 0);
    assert.ok(Array.isArray(df.containers) && Array.isArray(df.volumes) && Array.isArray(df.buildCache));
  });
});
