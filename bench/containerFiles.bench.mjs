// Listing a container's directory, side by side in one run, for `/` of a container holding 100 MB
// and for a directory of 10,000 entries:
//   ours (exec)    = listContainerDir on a running container: `ls -lnA` through the Engine API's exec
//   ours (archive) = listContainerDir reading only tar headers of GET /archive (stopped containers)
//   docker exec ls = the docker CLI running `ls -lnA` (what a CLI-based extension pays)
//   raw archive    = GET /containers/{id}/archive?path=DIR read to the end (what a naive listing pulls)
// Targets: cli/ours(exec) >= 1.5 everywhere; raw-archive/ours(exec) >= 10 for `/` (the archive streams
// everything below; exec answers with one screen of text).
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/cjs/api';
import { get, getJson } from './fixtures/engineHttp.mjs';

register();
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const load = createRequire(import.meta.url);
const { createEngine } = load(join(root, 'src/docker/connect.ts'));
const { listContainerDir } = load(join(root, 'src/docker/containerFiles.ts'));

const NAME = 'layerscope-bench-files';
const ROUNDS = 5;
const host = process.env.DOCKER_HOST;
const docker = (...args) => execFileSync('docker', args, { env: { ...process.env, DOCKER_HOST: host }, encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] });

/** A running container with 100 MB in /bulk and 10,000 empty files in /tenk; made once, reused. */
function ensureContainer() {
  const state = (() => { try { return docker('inspect', '-f', '{{.State.Status}}', NAME).trim(); } catch { return ''; } })();
  if (state === 'running') return docker('inspect', '-f', '{{.Id}}', NAME).trim();
  if (state) docker('rm', '-f', NAME);
  console.log('creating the bench container (100 MB, 10,000 files)…');
  const id = docker('run', '-d', '--network', 'none', '--name', NAME, '--label', 'layerscope.bench=files', 'layerscope-fixture/multi:1', 'sh', '-c',
    'mkdir -p /bulk /tenk && dd if=/dev/zero of=/bulk/blob bs=1048576 count=100 2>/dev/null && cd /tenk && seq 1 10000 | sed "s/^/f/" | xargs touch && touch /ready; trap "exit 0" TERM; while true; do sleep 1; done').trim();
  for (let i = 0; i < 600; i++) {
    try { docker('exec', id, 'test', '-e', '/ready'); return id; } catch { execFileSync('sleep', ['0.2']); }
  }
  throw new Error('the bench container did not get ready');
}

async function rawArchive(id, dir) {
  const res = await get(`/containers/${id}/archive?path=${encodeURIComponent(dir)}`);
  let bytes = 0;
  for await (const c of res) bytes += c.length;
  return bytes;
}

async function time(fn) {
  const t = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, value };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const id = ensureContainer();
const engine = createEngine({ setting: host, env: {}, homeDir: os.homedir() });
await engine.version();
const { body: info } = await getJson(`/containers/${id}/json`);
if (!info?.State?.Running) throw new Error('bench container not running');

const results = [];
for (const dir of ['/', '/tenk']) {
  const cases = {
    'ours (exec)': async () => (await listContainerDir(engine, id, dir, { running: true, method: 'auto', maxArchiveEntries: 1e7 })).entries.length,
    'ours (archive)': async () => (await listContainerDir(engine, id, dir, { running: true, method: 'archive', maxArchiveEntries: 1e7 })).entries.length,
    'docker exec ls': async () => docker('exec', id, 'ls', '-lnA', dir).split('\n').filter(Boolean).length,
    'raw archive': async () => rawArchive(id, dir),
  };
  const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  const values = {};
  for (let round = 0; round < ROUNDS; round++) {
    // Interleaved, so drift on a shared machine hits every case alike.
    for (const [k, fn] of Object.entries(cases)) {
      const { ms, value } = await time(fn);
      times[k].push(ms);
      values[k] = value;
    }
  }
  const m = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
  results.push({ dir, m, values });
}

for (const { dir, m, values } of results) {
  console.log(`\nlisting ${dir} (median of ${ROUNDS}):`);
  for (const [k, ms] of Object.entries(m)) {
    const what = k === 'raw archive' ? `${(values[k] / 1e6).toFixed(1)} MB streamed` : `${values[k]} entries`;
    console.log(`  ${k.padEnd(16)} ${ms.toFixed(1).padStart(9)} ms   ${what}`);
  }
  const cli = m['docker exec ls'] / m['ours (exec)'];
  const raw = m['raw archive'] / m['ours (exec)'];
  const arch = m['ours (archive)'] / m['raw archive'];
  console.log(`  ratios: docker-exec-ls/ours(exec) ${cli.toFixed(2)} (target >= 1.5) · raw-archive/ours(exec) ${raw.toFixed(2)}${dir === '/' ? ' (target >= 10)' : ''} · ours(archive)/raw-archive ${arch.toFixed(2)}`);
}
console.log(`\n(the bench container ${NAME} is kept for the next run; remove it with docker rm -f ${NAME})`);
