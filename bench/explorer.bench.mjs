// Explorer benchmark (`npm run bench`): 1,000 tags and 1,000 created containers in a separate
// daemon named `explorer-bench` (test/rig/dockerd.sh, so the test daemon stays small), then medians of:
//  (a) the raw API round trip: GET /images/json + GET /containers/json?all=1, plain node http;
//  (b) Layerscope's cold refresh, request → TreeItems ready for Images, Dangling and Containers: the
//      REAL view classes (src/views/, built by registerViews as the extension does) reload over the
//      real dockerode adapter, then every row goes through getChildren/getTreeItem as VS Code asks;
//  (c) the CLI path: docker image ls --no-trunc --format '{{json .}}' + docker ps -a …;
//  (d) one container's `start` event → its tree item showing 'running', 1,000 containers present,
//      through the REAL code path: GET /events → Engine adapter → engineGlue's watchEngine →
//      ctx.onDidEngineEvent → LiveUpdates → ContainersView.updateOne (getContainer + model apply) →
//      onDidChangeTreeData → getTreeItem. Timed from the event reaching ctx (the first listener).
// The views import `vscode`: esbuild aliases it to bench/fixtures/vscodeShim.cjs (bench-only; tree
// views report hidden, settings return defaults, UI calls do nothing).
// Prints the four timings, the ratios b/a (target ≤ 1.3), c/b (≥ 2), d/a (≤ 0.25) and peak RSS.
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleSrc } from './fixtures/bundleSrc.mjs';

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

// ---- Layerscope's own code, bundled from src/ with `vscode` → the bench-only shim ----------------
function loadExtensionSide() {
  return bundleSrc('explorer-views', [
    "export { createEngine } from './src/docker/connect';",
    "export { Ctx } from './src/ctx';",
    "export { watchEngine } from './src/engineGlue';",
    "export { ExplorerDoor } from './src/views/door';",
  ], { vscodeShim: true });
}

// ---- measurements ---------------------------------------------------------------------------
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const ms = (x) => `${x.toFixed(1)} ms`;

const cli = (args) => new Promise((resolve, reject) => execFile('docker', args, { env, maxBuffer: 256 << 20 }, (e, out) => (e ? reject(e) : resolve(out))));

/** What VS Code asks after a change event for `element` (undefined: the root): its TreeItem, then its
 *  children and theirs, each through getChildren/getTreeItem. Visits every node below (collapsed
 *  groups too, so this over-counts rather than under-counts); `visit` sees each node and its TreeItem. */
async function redraw(view, element, visit) {
  if (element) visit(element, view.getTreeItem(element));
  for (const child of (await view.getChildren(element)) ?? []) {
    if (child.children?.length) await redraw(view, child, visit);
    else visit(child, view.getTreeItem(child));
  }
}

const sleep = (t) => new Promise((r) => setTimeout(r, t));

async function main() {
  await ensureData();
  const ext = await loadExtensionSide();
  const engine = ext.createEngine({ setting: '', env: { DOCKER_HOST: host }, homeDir: os.homedir() });
  await engine.ping();

  // The extension side, wired as activate() wires it: Ctx, the four views, the engine watcher.
  const ctx = new ext.Ctx({}, engine);
  let onArrive = () => {};
  ctx.onDidEngineEvent((e) => onArrive(e)); // registered first: (d)'s clock starts as the event reaches ctx
  const explorer = await new ext.ExplorerDoor(ctx).get();
  const ready = new Promise((resolve) => { const d = ctx.onDidChangeState((st) => { if (st === 'ready') { d.dispose(); resolve(); } }); });
  ext.watchEngine(ctx);
  await ready; // the event stream is connected (onResync), which also asked every view to refresh
  await explorer.refreshAll();
  await explorer.dangling.diskUsagePhase;
  if (ctx.state !== 'ready') throw new Error(`engine state ${ctx.state}: ${ctx.error}`);
  const views = [explorer.images, explorer.dangling, explorer.containers];

  const rawRoundTrip = async () => {
    await request('GET', '/images/json');
    await request('GET', '/containers/json?all=1');
  };
  let rows = 0;
  const coldRefresh = async () => {
    // As refreshAll does (minus Disk Usage, not part of (b)): forget every read, reload the views.
    explorer.snapshot.invalidate();
    await Promise.all(views.map((v) => v.reload()));
    rows = 0;
    for (const v of views) await redraw(v, undefined, () => { rows++; });
  };
  const cliPath = async () => {
    await cli(['image', 'ls', '--no-trunc', '--format', '{{json .}}']);
    await cli(['ps', '-a', '--no-trunc', '--format', '{{json .}}']);
  };
  // Interleaved rounds (a, b, c, a, b, c, …): load changes on a shared machine hit all three alike.
  const times = { a: [], b: [], c: [] };
  const once = async (fn) => { const t0 = performance.now(); await fn(); return performance.now() - t0; };
  const settleB = () => explorer.dangling.diskUsagePhase; // Dangling's /system/df phase, after rows are ready
  await rawRoundTrip(); await coldRefresh(); await settleB(); await cliPath(); // warm-up (connections, JIT)
  if (rows < TAGS + CONTAINERS) throw new Error(`only ${rows} tree rows after a refresh`);
  for (let i = 0; i < RUNS; i++) {
    times.a.push(await once(rawRoundTrip));
    times.b.push(await once(coldRefresh));
    await settleB();
    times.c.push(await once(cliPath));
  }
  const [a, b, c] = [median(times.a), median(times.b), median(times.c)];

  // (d): the Containers view holds all containers; a `start` event names one; measure until the
  // tree item VS Code would fetch for it says running.
  const live = JSON.parse(await request('POST', '/containers/create?name=bench-live', {
    Image: 'bench/base:1', Cmd: ['/bin/busybox', 'sleep', '3600'], HostConfig: { NetworkMode: 'none' },
  }).catch(async () => JSON.stringify({ Id: (await getJson('/containers/bench-live/json')).Id })));
  const containers = explorer.containers;
  const rowState = () => containers.nodeOf(live.Id)?.item.contextValue;
  const until = async (ok, what) => {
    for (let waited = 0; !ok(); waited += 10) { if (waited > 5000) throw new Error(`timed out waiting for ${what}`); await sleep(10); }
  };
  await until(() => rowState() !== undefined, 'bench-live to appear in the Containers view (create event)');

  let t0 = 0;
  let finish;
  onArrive = (e) => { if (e.type === 'container' && e.id === live.Id && e.action === 'start') t0 = performance.now(); };
  containers.onDidChangeTreeData((fired) => {
    if (!finish || !t0) return;
    const target = containers.nodeOf(live.Id);
    let shown = false;
    // One row, several rows (an array) or the whole tree (undefined), as VS Code takes them.
    const elements = fired === undefined ? [undefined] : [fired].flat();
    const visit = (node, item) => { if (node === target && item.contextValue === 'container.running') shown = true; };
    void Promise.all(elements.map((element) => redraw(containers, element, visit))).then(() => {
      if (shown && finish) { const done = finish; finish = undefined; done(performance.now() - t0); }
    });
  });
  const dTimes = [];
  for (let i = 0; i < RUNS + 1; i++) {
    t0 = 0;
    const done = new Promise((resolve) => { finish = resolve; });
    await request('POST', `/containers/${live.Id}/start`);
    const took = await Promise.race([done, sleep(10000).then(() => { throw new Error(`no redraw showing running (row: ${rowState()})`); })]);
    if (i > 0) dTimes.push(took);
    await request('POST', `/containers/${live.Id}/kill`);
    await request('POST', `/containers/${live.Id}/wait?condition=not-running`);
    await until(() => rowState() !== 'container.running', 'the row to leave running after kill');
  }
  const containerRows = containers.shownRoots.reduce((n, g) => n + (g.children?.length ?? 0), 0);
  await request('DELETE', `/containers/${live.Id}?force=1`);
  const d = median(dTimes);
  ctx.dispose();

  const rss = process.resourceUsage().maxRSS / 1024;
  console.log(`containers in the view ${containerRows} (bench-live included), tree rows fetched in (b): ${rows}; medians of ${RUNS} interleaved rounds`);
  console.log('(b) and (d) run the REAL src/views code (ExplorerDoor → registerViews, LiveUpdates, ContainersView, getTreeItem) with `vscode` → bench/fixtures/vscodeShim.cjs');
  console.log(`(a) raw API round trip (images + containers?all=1)   ${ms(a)}`);
  console.log(`(b) Layerscope cold refresh → TreeItems (3 views)    ${ms(b)}`);
  console.log(`(c) docker CLI image ls + ps -a                      ${ms(c)}`);
  console.log(`(d) start event reaches ctx → getTreeItem 'running'  ${ms(d)}`);
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
