// The Engine layer's cost next to the daemon's, on an engine holding 1,000 tags and 1,000 containers
// (as in shared/notes/MEASURED.md), measured side by side in one run:
//   raw  = plain node:http GET + JSON.parse (what the daemon costs anyway)
//   ours = the Engine adapter (version-negotiated request + mapping into model shapes)
//   cli  = the docker CLI with --format '{{json .}}' (what extensions that spawn it pay)
//   one  = getContainer(id): the incremental update an event allows, instead of re-listing.
// Targets: ours/raw <= 1.15 for every list; cli/ours >= 1.5; list/one >= 10 at 1,000 containers.
// Runs on its own daemon ("bench") so the 1,000 containers never slow the test daemon down.
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import http from 'node:http';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/cjs/api';

// The adapter straight from its TypeScript source, as the tests load it.
register();
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { createEngine } = createRequire(import.meta.url)(join(root, 'src/docker/connect.ts'));

const COUNT = 1000;
const ROUNDS = 7;
const NAME = 'bench';
const rig = (script, ...args) => execFileSync('bash', [join(root, 'test/rig', script), ...args], { encoding: 'utf8', env: { ...process.env, DOCKER_HOST: host } }).trim();

let host = '';
const wasRunning = spawnSync('bash', [join(root, 'test/rig/dockerd.sh'), 'status', NAME]).status === 0;
host = rig('dockerd.sh', 'start', NAME);
const socketPath = host.slice('unix://'.length);

function request(method, path, body) {
  return new Promise((resolve, reject) => {
    const req = http.request({ socketPath, path, method, headers: body ? { 'content-type': 'application/json' } : {} }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (res.statusCode >= 300) reject(new Error(`${method} ${path}: ${res.statusCode} ${text}`));
        else resolve(text ? JSON.parse(text) : undefined);
      });
    });
    req.on('error', reject);
    req.end(body ? JSON.stringify(body) : undefined);
  });
}

/** 1,000 stopped containers (--network none) and 1,000 tags, created once and reused. */
async function ensurePopulation() {
  const filter = encodeURIComponent(JSON.stringify({ label: ['layerscope.bench=1'] }));
  const have = (await request('GET', `/v1.41/containers/json?all=1&filters=${filter}`)).length;
  const pending = [];
  for (let i = have; i < COUNT; i++) {
    pending.push(() => request('POST', `/v1.41/containers/create?name=layerscope-bench-${i}`, {
      Image: 'layerscope-fixture/multi:1', Cmd: ['true'], Labels: { 'layerscope.bench': '1' },
      HostConfig: { NetworkMode: 'none' },
    }));
    pending.push(() => request('POST', `/v1.41/images/layerscope-fixture/small:1/tag?repo=layerscope-bench/tag&tag=t${i}`));
  }
  if (pending.length) console.log(`creating ${pending.length / 2} containers and tags on the bench daemon…`);
  const workers = Array.from({ length: 4 }, async () => { while (pending.length) await pending.shift()(); });
  await Promise.all(workers);
}

async function time(fn) {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cli = (...args) => () => execFileSync('docker', args, { env: { ...process.env, DOCKER_HOST: host }, maxBuffer: 64 << 20 });

async function measure() {
  const engine = createEngine({ setting: host, env: {}, homeDir: os.homedir() });
  const version = await engine.version();
  const v = `/v${version.negotiatedApiVersion}`;
  const someId = (await engine.listContainers({ all: true }))[0].id;
  const cases = {
    'images: raw': () => request('GET', `${v}/images/json`),
    'images: ours': () => engine.listImages({}),
    'images: cli': cli('image', 'ls', '--no-trunc', '--format', '{{json .}}'),
    'containers: raw': () => request('GET', `${v}/containers/json?all=1`),
    'containers: ours': () => engine.listContainers({ all: true }),
    'containers: cli': cli('ps', '-a', '--no-trunc', '--format', '{{json .}}'),
    'containers: one (getContainer)': () => engine.getContainer(someId),
    'df: raw': () => request('GET', `${v}/system/df`),
    'df: ours': () => engine.diskUsage(),
  };
  const samples = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  for (const fn of Object.values(cases)) await fn(); // warm-up
  for (let r = 0; r < ROUNDS; r++) {
    for (const [k, fn] of Object.entries(cases)) samples[k].push(await time(fn));
  }
  const m = Object.fromEntries(Object.entries(samples).map(([k, xs]) => [k, median(xs)]));
  console.log(`engine ${version.version} (API ${version.apiVersion}, negotiated ${version.negotiatedApiVersion}); ${COUNT} containers + ${COUNT} tags; median of ${ROUNDS}`);
  for (const [k, ms] of Object.entries(m)) console.log(`  ${k.padEnd(32)} ${ms.toFixed(1).padStart(8)} ms`);
  const ratio = (label, a, b, target, cmp) => {
    const value = m[a] / m[b];
    const ok = cmp === '<=' ? value <= target : value >= target;
    console.log(`  ${label.padEnd(40)} ${value.toFixed(2).padStart(6)}  (target ${cmp} ${target}) ${ok ? 'ok' : 'MISSED'}`);
  };
  console.log('ratios:');
  ratio('images ours/raw', 'images: ours', 'images: raw', 1.15, '<=');
  ratio('containers ours/raw', 'containers: ours', 'containers: raw', 1.15, '<=');
  ratio('df ours/raw', 'df: ours', 'df: raw', 1.15, '<=');
  ratio('images cli/ours', 'images: cli', 'images: ours', 1.5, '>=');
  ratio('containers cli/ours', 'containers: cli', 'containers: ours', 1.5, '>=');
  ratio('containers re-list/getContainer', 'containers: ours', 'containers: one (getContainer)', 10, '>=');
}

try {
  rig('build-fixtures.sh');
  await ensurePopulation();
  await measure();
} finally {
  if (!wasRunning) rig('dockerd.sh', 'stop', NAME);
}
