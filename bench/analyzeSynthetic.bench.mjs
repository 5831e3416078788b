// `layerscope analyze --source archive` on synthetic docker-archives generated straight into a file
// (bench/fixtures/synthetic-archive.mjs, no daemon): 100k, 300k and 1M files in ~2,000 directories,
// and 300k files with 200-character names.
// (a) GNU tar reading the same layer: `tar -xOf FILE layer0/layer.tar | tar -tvf - > /dev/null`
//     (a plain `tar -tvf FILE` only lists the archive's four members and seeks past the layer);
// (b) `node dist/cli.js analyze --source archive --json FILE` (diff IDs verified, as for every archive).
// Targets: b/a ≤ 1.3 and peak RSS ≤ 300 MB for the million; the RSS growth 100k → 300k → 1M is printed.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileBytes, syntheticArchive } from './fixtures/synthetic-archive.mjs';
import { spawnTimed, usageOf } from './fixtures/spawnTimed.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli)) throw new Error('dist/cli.js is missing: npm run build first (npm run bench does)');

const tarList = (file) => spawnTimed('sh', ['-c', `tar -xOf '${file}' layer0/layer.tar | tar -tvf - > /dev/null`]);

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

const problems = [];
const results = [];
for (const c of cases) {
  const archive = await syntheticArchive(c);
  const a = await tarList(archive.path);
  const b = await analyze(archive.path);
  const r = b.report;
  const wrong = [];
  if (r.layers[0].added !== c.files + c.dirs) wrong.push(`added ${r.layers[0].added}, expected ${c.files + c.dirs}`);
  if (r.sizeBytes !== archive.storedBytes) wrong.push(`stored ${r.sizeBytes}, expected ${archive.storedBytes}`);
  if (r.wastedBytes !== archive.wastedBytes) wrong.push(`wasted ${r.wastedBytes}, expected ${archive.wastedBytes}`);
  if (wrong.length) problems.push(`${c.label}: ${wrong.join('; ')}`);
  results.push({ ...c, a, b });
  console.log(`${c.label} (${(fileBytes(archive.path) / 1e6).toFixed(0)} MB): (a) tar -tv ${a.seconds.toFixed(2)} s   `
    + `(b) layerscope analyze ${b.seconds.toFixed(2)} s (CPU ${b.cpuSeconds.toFixed(2)} s), peak RSS ${b.maxRssMb.toFixed(0)} MB   b/a = ${(b.seconds / a.seconds).toFixed(2)}`
    + `${wrong.length ? `   WRONG: ${wrong.join('; ')}` : ''}`);
}

const rss = results.slice(0, 3).map((r) => `${r.label.split(' ')[0]} ${r.b.maxRssMb.toFixed(0)} MB`).join(' → ');
const million = results[2];
const perFile = (results[2].b.maxRssMb - results[0].b.maxRssMb) * 1024 * 1024 / (results[2].files - results[0].files);
console.log(`RSS growth: ${rss} (about ${perFile.toFixed(0)} bytes per extra file)`);
console.log(`RESULT analyze synthetic: 1M files b/a ${(million.b.seconds / million.a.seconds).toFixed(2)} (target ≤ 1.30), `
  + `peak RSS ${million.b.maxRssMb.toFixed(0)} MB (target ≤ 300 MB); 200-char names b/a ${(results[3].b.seconds / results[3].a.seconds).toFixed(2)}, `
  + `peak RSS ${results[3].b.maxRssMb.toFixed(0)} MB${problems.length ? `; WRONG RESULT: ${problems.join('; ')}` : ''}`);
if (problems.length) process.exit(1);
