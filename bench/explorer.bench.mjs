// Explorer benchmark (`npm run bench`): 1,000 tags and 1,000 created containers in a separate
// daemon named `explorer-bench` (test/rig/dockerd.sh, so the test daemon stays small), then medians of:
//  (a) the raw API round trip: GET /images/json + GET /containers/json?all=1, plain node http;
//  (b) Layerscope's cold refresh, request → tree rows ready for Images, Dangling and Containers:
//      the real dockerode adapter + the shared snapshot + the pure model that builds each row's
//      TreeItem data (label, description, tooltip, icon, contextValue), bundled from src/ without
//      VS Code (no shim: the views copy that data into vscode.TreeItem field by field);
//  (c) the CLI path: docker image ls --no-trunc --format '{{json .}}' + docker ps -a …;
//  (d) one container's `start` event → its row showing the new state (getContainer for that one
//      container + ContainerTreeModel.apply, as ContainersView.updateOne does), 1,000 containers present.
// Prints the four timings, the ratios b/a (target ≤ 1.3), c/b (≥ 2), d/a (≤ 0.25) and peak RSS.
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TAGS = 1000;
const CONTAINERS = 1000;
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

// ---- the bench daemon -------------------------------------------------------------------------
const dockerdSh = path.join(repo, 'test/rig/dockerd.sh');
const wasRunning = (() => { try { execFileSync('bash', [dockerdSh, 'status', 'explorer-bench'], { stdio: 'ignore' }); return true; } catch { return false; } })();
const host = execFileSync('bash', [dockerdSh, 'start', 'explorer-bench'], { encoding: 'utf8' }).trim();
const socketPath = host.replace(/^unix:\/\//, '');
const env = { ...process.env, DOCKER_HOST: host, DOCKER_CLI_HINTS: 'false' };
let apiVersion = 'v1.41';

function request(method, apiPath, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ socketPath, method, path: `/${apiVersion}${apiPath}`, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (res.statusCode >= 400) reject(new Error(`${method} ${apiPath}: ${res.statusCode} ${text}`));
        else resolve(text);
      });
    });
    req.on('error', reject);
    if (body instanceof Buffer) req.end(body);
    else req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}
const getJson = async (p) => JSON.parse(await request('GET', p));

async function inBatches(items, size, fn) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

/** A FROM-scratch image holding static busybox, imported from a tar (no pull, no build). */
async function ensureBaseImage() {
  const have = await getJson('/images/json?filters=' + encodeURIComponent('{"reference":["bench/base:1"]}'));
  if (have.length) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lsbench-'));
  fs.mkdirSync(path.join(dir, 'bin'));
  fs.copyFileSync(fs.existsSync('/bin/busybox') ? '/bin/busybox' : execFileSync('which', ['busybox'], { encoding: 'utf8' }).trim(), path.join(dir, 'bin/busybox'));
  const tar = execFileSync('tar', ['-C', dir, '-c', 'bin'], { maxBuffer: 64 << 20 });
  fs.rmSync(dir, { recursive: true, force: true });
  await request('POST', '/images/create?fromSrc=-&repo=bench/base&tag=1', tar, { 'content-type': 'application/x-tar' });
}

async function ensureData() {
  const version = await getJson('/version');
  apiVersion = `v${version.ApiVersion}`;
  await ensureBaseImage();
  const tagged = new Set((await getJson('/images/json')).flatMap((i) => i.RepoTags ?? []));
  const missingTags = [];
  for (let i = 0; i < TAGS; i++) if (!tagged.has(`bench/tag${Math.floor(i / 100)}:${i}`)) missingTags.push(i);
  await inBatches(missingTags, 20, (i) => request('POST', `/images/bench/base:1/tag?repo=bench/tag${Math.floor(i / 100)}&tag=${i}`));
  const names = new Set((await getJson('/containers/json?all=1')).flatMap((c) => c.Names.map((n) => n.slice(1))));
  const missing = [];
  for (let i = 0; i < CONTAINERS; i++) if (!names.has(`bench-${i}`)) missing.push(i);
  await inBatches(missing, 8, (i) => request('POST', `/containers/create?name=bench-${i}`, {
    Image: 'bench/base:1', Cmd: ['/bin/busybox', 'sleep', '3600'], Labels: { 'layerscope.bench': '1' }, HostConfig: { NetworkMode: 'none' },
  }));
  console.log(`bench daemon ${host}: ${TAGS} tags (${missingTags.length} added), ${CONTAINERS} containers (${missing.length} created)`);
}

// ---- Layerscope's own code, bundled from src/ -------------------------------------------------
async function loadCore() {
  const out = path.join(repo, 'out/bench/explorer-core.cjs');
  await esbuild.build({
    stdin: {
      resolveDir: repo, loader: 'ts', sourcefile: 'bench-explorer-entry.ts',
      contents: `
        export { createEngine } from './src/docker/connect';
        export { EngineSnapshot } from './src/views/snapshot';
        export { buildImageTree } from './src/model/images';
        export { buildDanglingTree } from './src/model/dangling';
        export { ContainerTreeModel } from './src/model/containers';
        export { isStateEvent } from './src/views/live';
      `,
    },
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile: out, logLevel: 'warning',
    external: ['vscode', 'cpu-features', './crypto/build/Release/sshcrypto.node'],
  });
  const { createRequire } = await import('node:module');
  return createRequire(import.meta.url)(out);
}

// ---- measurements ---------------------------------------------------------------------------
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const ms = (x) => `${x.toFixed(1)} ms`;

const cli = (args) => new Promise((resolve, reject) => execFile('docker', args, { env, maxBuffer: 256 << 20 }, (e, out) => (e ? reject(e) : resolve(out))));

async function main() {
  await ensureData();
  const core = await loadCore();
  const engine = core.createEngine({ setting: '', env: { DOCKER_HOST: host }, homeDir: os.homedir() });
  await engine.ping();

  const rawRoundTrip = async () => {
    await request('GET', '/images/json');
    await request('GET', '/containers/json?all=1');
  };
  let rows = 0;
  const coldRefresh = async () => {
    const snapshot = new core.EngineSnapshot(() => engine);
    const nowMs = Date.now();
    const [images, dangling, containers] = await Promise.all([
      Promise.all([snapshot.images(), snapshot.containers()]).then(([imgs, cs]) =>
        core.buildImageTree(imgs, cs, { groupBy: 'repository', sortBy: 'created', filter: '', nowMs })),
      Promise.all([snapshot.images(), snapshot.containers()]).then(([imgs, cs]) => core.buildDanglingTree({ images: imgs, containers: cs, nowMs })),
      snapshot.containers().then((cs) => new core.ContainerTreeModel(cs, 'state').roots()),
    ]);
    rows = [images, dangling, containers].flat().reduce((n, g) => n + 1 + (g.children?.length ?? 0), 0);
  };
  const cliPath = async () => {
    await cli(['image', 'ls', '--no-trunc', '--format', '{{json .}}']);
    await cli(['ps', '-a', '--no-trunc', '--format', '{{json .}}']);
  };
  // Interleaved rounds (a, b, c, a, b, c, …): load changes on a shared machine hit all three alike.
  const times = { a: [], b: [], c: [] };
  const once = async (fn) => { const t0 = performance.now(); await fn(); return performance.now() - t0; };
  await rawRoundTrip(); await coldRefresh(); await cliPath(); // warm-up (connections, JIT)
  for (let i = 0; i < RUNS; i++) {
    times.a.push(await once(rawRoundTrip));
    times.b.push(await once(coldRefresh));
    times.c.push(await once(cliPath));
  }
  const [a, b, c] = [median(times.a), median(times.b), median(times.c)];

  // (d): the model holds all containers; an event names one; measure event → row updated.
  const live = JSON.parse(await request('POST', '/containers/create?name=bench-live', {
    Image: 'bench/base:1', Cmd: ['/bin/busybox', 'sleep', '3600'], HostConfig: { NetworkMode: 'none' },
  }).catch(async () => JSON.stringify({ Id: (await getJson('/containers/bench-live/json')).Id })));
  const model = new core.ContainerTreeModel(await engine.listContainers({ all: true }), 'state');
  const dTimes = [];
  let pending;
  const sub = engine.subscribe({
    onEvent: (e) => {
      if (!core.isStateEvent(e) || e.id !== live.Id || e.action !== 'start') return;
      const t0 = performance.now();
      engine.getContainer(e.id).then((next) => {
        model.apply(e.id, next);
        const row = model.node(e.id);
        if (row.item.contextValue !== 'container.running') throw new Error(`row shows ${row.item.contextValue}`);
        pending?.(performance.now() - t0);
      }).catch((err) => { console.error(err); process.exit(1); });
    },
    onResync: () => {}, onDisconnect: (err) => console.error(`events: ${err.message}`),
  });
  await new Promise((r) => setTimeout(r, 300));
  for (let i = 0; i < RUNS + 1; i++) {
    const done = new Promise((resolve) => { pending = resolve; });
    await request('POST', `/containers/${live.Id}/start`);
    const took = await done;
    if (i > 0) dTimes.push(took);
    await request('POST', `/containers/${live.Id}/kill`);
    await request('POST', `/containers/${live.Id}/wait?condition=not-running`);
  }
  sub.dispose();
  await request('DELETE', `/containers/${live.Id}?force=1`);
  const d = median(dTimes);

  const rss = process.resourceUsage().maxRSS / 1024;
  console.log(`containers ${model.size - 1}+1, tree rows built in (b): ${rows}; medians of ${RUNS} interleaved rounds`);
  console.log(`(a) raw API round trip (images + containers?all=1)   ${ms(a)}`);
  console.log(`(b) Layerscope cold refresh → rows ready (3 views)   ${ms(b)}`);
  console.log(`(c) docker CLI image ls + ps -a                      ${ms(c)}`);
  console.log(`(d) start event → that container's row updated        ${ms(d)}`);
  const verdict = (ok) => (ok ? 'ok' : 'MISSED');
  console.log(`b/a = ${(b / a).toFixed(2)} (target ≤ 1.3: ${verdict(b / a <= 1.3)})`);
  console.log(`c/b = ${(c / b).toFixed(2)} (target ≥ 2: ${verdict(c / b >= 2)})`);
  console.log(`d/a = ${(d / a).toFixed(2)} (target ≤ 0.25: ${verdict(d / a <= 0.25)})`);
  console.log(`peak RSS of this (extension-side) process: ${rss.toFixed(0)} MB`);
}

try {
  await main();
} finally {
  if (!wasRunning && !process.env.BENCH_KEEP_DAEMON) execFileSync('bash', [dockerdSh, 'stop', 'explorer-bench'], { stdio: 'inherit' });
}
process.exit(0);
