// `layerscope analyze --source archive` on synthetic docker-archives generated straight into a file
// (bench/fixtures/synthetic-archive.mjs, no daemon): 100k, 300k and 1M files in ~2,000 directories,
// and 300k files with 200-character names. Side by side, CPU time and wall time:
// (a) `tar -tvf ARCHIVE > /dev/null`, the issue's yardstick as written. GNU tar lists the archive's
//     four members and seeks past the layer's bytes, so it never reads the entries the analyzer lists:
//     printed, not a target anything that reads the layer can meet;
// (b) `tar -tvf LAYER > /dev/null` on the big layer as a file of its own (the same bytes, written
//     once next to the archive): GNU tar listing the same million entries — the target's yardstick;
// (c) `node dist/cli.js analyze --source archive --json ARCHIVE` (diff IDs verified, as for every archive).
// Targets for the million: c/b ≤ 1.3 (CPU and wall) and peak RSS ≤ 300 MB; the RSS growth
// 100k → 300k → 1M is printed. The load average is printed with each case (the machine is shared).
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileBytes, syntheticArchive, syntheticLayerFile } from './fixtures/synthetic-archive.mjs';
import { spawnTimed, usageOf } from './fixtures/spawnTimed.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli)) throw new Error('dist/cli.js is missing: npm run build first (npm run bench does)');

/** `tar -tvf FILE > /dev/null`, timed; CPU from the shell's `times` (children's user + system). */
async function tarList(file) {
  const r = await spawnTimed('sh', ['-c', `tar -tvf '${file}' > /dev/null; times`]);
  const children = r.stdout.trim().split('\n').pop().match(/(\d+)m([\d.]+)s/g) ?? [];
  const cpuSeconds = children.reduce((sum, t) => { const [, m, s] = /(\d+)m([\d.]+)s/.exec(t); return sum + Number(m) * 60 + Number(s); }, 0);
  return { seconds: r.seconds, cpuSeconds };
}

async function analyze(file) {
  const r = await spawnTimed(process.execPath, ['--require', join(root, 'bench', 'fixtures', 'maxrss.cjs'), cli, 'analyze', '--source', 'archive', '--json', file]);
  return { seconds: r.seconds, ...usageOf(r.stderr), report: JSON.parse(r.stdout) };
}

const cases = [
  { label: '100k files', files: 100_000, dirs: 200 },
  { label: '300k files', files: 300_000, dirs: 600 },
  { label: '1M files', files: 1_000_000, dirs: 2000 },
  { label: '300k files, 200-char names', files: 300_000, dirs: 600, nameLength: 200 },
];

const time = (t) => `${t.cpuSeconds.toFixed(2)} s CPU / ${t.seconds.toFixed(2)} s wall`;
const ratio = (c, b) => `${b.cpuSeconds > 0 ? (c.cpuSeconds / b.cpuSeconds).toFixed(2) : "n/a"} CPU, ${(c.seconds / b.seconds).toFixed(2)} wall`;

const problems = [];
const results = [];
for (const c of cases) {
  const archive = await syntheticArchive(c);
  const layer = await syntheticLayerFile(archive.path);
  const load = loadavg()[0].toFixed(1);
  const a = await tarList(archive.path);
  const b = await tarList(layer);
  const r = await analyze(archive.path);
  const report = r.report;
  const wrong = [];
  if (report.layers[0].added !== c.files + c.dirs) wrong.push(`added ${report.layers[0].added}, expected ${c.files + c.dirs}`);
  if (report.sizeBytes !== archive.storedBytes) wrong.push(`stored ${report.sizeBytes}, expected ${archive.storedBytes}`);
  if (report.wastedBytes !== archive.wastedBytes) wrong.push(`wasted ${report.wastedBytes}, expected ${archive.wastedBytes}`);
  if (wrong.length) problems.push(`${c.label}: ${wrong.join('; ')}`);
  results.push({ ...c, a, b, r });
  console.log(`${c.label} (${(fileBytes(archive.path) / 1e6).toFixed(0)} MB, load average ${load}): `
    + `(a) tar -tvf ARCHIVE ${time(a)}   (b) tar -tvf LAYER ${time(b)}   (c) layerscope analyze ${time(r)}, peak RSS ${r.maxRssMb.toFixed(0)} MB   `
    + `c/b = ${ratio(r, b)}${wrong.length ? `   WRONG: ${wrong.join('; ')}` : ''}`);
}

const rss = results.slice(0, 3).map((x) => `${x.label.split(' ')[0]} ${x.r.maxRssMb.toFixed(0)} MB`).join(' → ');
const million = results[2];
const perFile = (million.r.maxRssMb - results[0].r.maxRssMb) * 1024 * 1024 / (million.files - results[0].files);
console.log(`RSS growth: ${rss} (about ${perFile.toFixed(0)} bytes per extra file)`);
console.log(`RESULT analyze synthetic: 1M files c/b ${ratio(million.r, million.b)} (target ≤ 1.30; vs tar -tvf ARCHIVE, which seeks past the layer: `
  + `${ratio(million.r, million.a)}), peak RSS ${million.r.maxRssMb.toFixed(0)} MB (target ≤ 300 MB); `
  + `200-char names c/b ${ratio(results[3].r, results[3].b)}, peak RSS ${results[3].r.maxRssMb.toFixed(0)} MB, load average now ${loadavg()[0].toFixed(1)}`
  + `${problems.length ? `; WRONG RESULT: ${problems.join('; ')}` : ''}`);
if (problems.length) process.exit(1);
