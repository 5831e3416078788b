// Stats panel benchmark: 20 running containers followed at once. In a daemon of its own
// (`stats-bench`, test/rig/dockerd.sh; containers --network none), for a window of WINDOW_MS each:
//  (a) the raw cost: the 20 streaming `/containers/{id}/stats` bodies read and dropped (no parsing);
//  (b) Layerscope's path, bundled from src/: Engine.streamStats (dockerode adapter, NDJSON parse,
//      mapStatsFrame) → StatsHistory (CPU %, rates, one-minute window, sparklines) → the card message
//      serialised as postMessage would (JSON) — everything the extension host does per frame;
//  (c) `docker stats` (the CLI streaming the same 20 containers to a pipe), CPU of the CLI process.
// Reported: CPU time of each over the window as % of one core, frames per second, and ratios b/a, c/b.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleSrc } from './fixtures/bundleSrc.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CONTAINERS = 20;
const WINDOW_MS = Number(process.env.BENCH_WINDOW_MS ?? 10_000);
const ROUNDS = Number(process.env.BENCH_RUNS ?? 3);

const dockerdSh = path.join(repo, 'test/rig/dockerd.sh');
const wasRunning = (() => { try { execFileSync('bash', [dockerdSh, 'status', 'stats-bench'], { stdio: 'ignore' }); return true; } catch { return false; } })();
const host = execFileSync('bash', [dockerdSh, 'start', 'stats-bench'], { encoding: 'utf8' }).trim();
const socketPath = host.replace(/^unix:\/\//, '');

function request(method, apiPath, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ socketPath, method, path: apiPath, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => (res.statusCode >= 400 ? reject(new Error(`${method} ${apiPath}: ${res.statusCode} ${Buffer.concat(chunks)}`)) : resolve(Buffer.concat(chunks).toString())));
    });
    req.on('error', reject);
    if (body instanceof Buffer) req.end(body);
    else req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

async function ensureContainers() {
  const have = JSON.parse(await request('GET', '/images/json?filters=' + encodeURIComponent('{"reference":["bench/base:1"]}')));
  if (!have.length) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lsstats-'));
    fs.mkdirSync(path.join(dir, 'bin'));
    fs.copyFileSync(fs.existsSync('/bin/busybox') ? '/bin/busybox' : execFileSync('which', ['busybox'], { encoding: 'utf8' }).trim(), path.join(dir, 'bin/busybox'));
    const tar = execFileSync('tar', ['-C', dir, '-c', 'bin'], { maxBuffer: 64 << 20 });
    fs.rmSync(dir, { recursive: true, force: true });
    await request('POST', '/images/create?fromSrc=-&repo=bench/base&tag=1', tar, { 'content-type': 'application/x-tar' });
  }
  const ids = [];
  for (let i = 0; i < CONTAINERS; i++) {
    const name = `stats-bench-${i}`;
    const found = JSON.parse(await request('GET', `/containers/json?all=1&filters=${encodeURIComponent(JSON.stringify({ name: [`^/${name}$`] }))}`));
    const id = found[0]?.Id ?? JSON.parse(await request('POST', `/containers/create?name=${name}`, {
      Image: 'bench/base:1', Cmd: ['/bin/busybox', 'sleep', '36000'], HostConfig: { NetworkMode: 'none' },
    })).Id;
    if (found[0]?.State !== 'running') await request('POST', `/containers/${id}/start`);
    ids.push(id);
  }
  return ids;
}

function loadLayerscope() {
  return bundleSrc('stats-path', [
    "export { createEngine } from './src/docker/connect';",
    "export { StatsHistory } from './src/model/stats';",
  ]);
}

const cpuMs = (u) => (u.user + u.system) / 1000;

/** (a) raw: 20 streaming bodies read and dropped. */
async function rawWindow(ids) {
  let bytes = 0;
  const reqs = ids.map((id) => http.get({ socketPath, path: `/containers/${id}/stats?stream=1` }, (res) => res.on('data', (c) => { bytes += c.length; })));
  for (const r of reqs) r.on('error', () => undefined);
  await new Promise((r) => setTimeout(r, 1500)); // the first frame takes a second or so
  const start = process.cpuUsage();
  const bytesAt = bytes;
  await new Promise((r) => setTimeout(r, WINDOW_MS));
  const used = cpuMs(process.cpuUsage(start));
  for (const r of reqs) r.destroy();
  return { cpuPercent: (used / WINDOW_MS) * 100, bytesPerSecond: ((bytes - bytesAt) / WINDOW_MS) * 1000 };
}

/** (b) Layerscope: streamStats → StatsHistory → the card message as JSON. */
async function layerscopeWindow(ext, ids) {
  const engine = ext.createEngine({ setting: '', env: { DOCKER_HOST: host }, homeDir: os.homedir() });
  // One controller per stream, as the panel has (a card is stopped on its own).
  const aborts = ids.map(() => new AbortController());
  let frames = 0;
  let sent = 0;
  const streams = ids.map((id, i) => {
    const history = new ext.StatsHistory(60_000);
    return engine.streamStats(id, (frame) => {
      history.push(frame);
      frames++;
      sent += JSON.stringify({ type: 'card', card: { id, name: id.slice(0, 12), image: 'bench/base:1', state: 'live', view: history.view() } }).length;
    }, aborts[i].signal);
  });
  await new Promise((r) => setTimeout(r, 1500));
  const start = process.cpuUsage();
  const framesAt = frames;
  await new Promise((r) => setTimeout(r, WINDOW_MS));
  const used = cpuMs(process.cpuUsage(start));
  for (const a of aborts) a.abort();
  await Promise.allSettled(streams);
  return { cpuPercent: (used / WINDOW_MS) * 100, framesPerSecond: ((frames - framesAt) / WINDOW_MS) * 1000, messageBytes: sent };
}

/** (c) `docker stats` streaming the same containers into a pipe: the CLI process's CPU from /proc. */
async function cliWindow(ids) {
  const child = spawn('docker', ['stats', ...ids], { env: { ...process.env, DOCKER_HOST: host, DOCKER_CLI_HINTS: 'false' }, stdio: ['ignore', 'pipe', 'ignore'] });
  child.stdout.resume();
  const ticks = () => {
    const fields = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime, in clock ticks
  };
  await new Promise((r) => setTimeout(r, 1500));
  const at = ticks();
  await new Promise((r) => setTimeout(r, WINDOW_MS));
  const used = ((ticks() - at) * 1000) / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
  child.kill();
  return { cpuPercent: (used / WINDOW_MS) * 100 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (x) => `${x.toFixed(2)} %`;

async function main() {
  const ids = await ensureContainers();
  const ext = await loadLayerscope();
  console.log(`stats-bench daemon ${host}: ${ids.length} running containers; ${ROUNDS} interleaved rounds of ${WINDOW_MS / 1000} s each`);
  const a = []; const b = []; const c = []; const fps = [];
  for (let round = 0; round < ROUNDS; round++) {
    a.push((await rawWindow(ids)).cpuPercent);
    const l = await layerscopeWindow(ext, ids);
    b.push(l.cpuPercent);
    fps.push(l.framesPerSecond);
    c.push((await cliWindow(ids)).cpuPercent);
    console.log(`  round ${round + 1}: raw ${pct(a.at(-1))} · Layerscope ${pct(b.at(-1))} (${l.framesPerSecond.toFixed(1)} frames/s) · docker stats ${pct(c.at(-1))}`);
  }
  console.log('CPU of one core while following 20 containers (medians):');
  console.log(`  (a) raw streams read and dropped:            ${pct(median(a))}`);
  console.log(`  (b) Layerscope stats path (parse → history → message): ${pct(median(b))} at ${median(fps).toFixed(1)} frames/s`);
  console.log(`  (c) docker stats CLI:                         ${pct(median(c))}`);
  console.log(`  b/a ${(median(b) / Math.max(0.01, median(a))).toFixed(2)} · c/b ${(median(c) / Math.max(0.01, median(b))).toFixed(2)}`);
}

try {
  await main();
} finally {
  if (!wasRunning && !process.env.BENCH_KEEP_DAEMON) {
    try {
      const ids = JSON.parse(await request('GET', '/containers/json?filters=' + encodeURIComponent('{"name":["stats-bench-"]}'))).map((c) => c.Id);
      for (const id of ids) await request('POST', `/containers/${id}/kill`).catch(() => undefined);
    } catch { /* the daemon stops anyway */ }
    execFileSync('bash', [dockerdSh, 'stop', 'stats-bench'], { stdio: 'inherit' });
  }
}
