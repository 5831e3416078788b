// `layerscope analyze` against the raw save stream, on an image of > 1 GB in > 100,000 files.
// (a) GET /images/{name}/get streamed to /dev/null: what the daemon costs anyway;
// (b) `node dist/cli.js analyze --json IMAGE`: the same stream plus our whole analysis.
// Targets: b/a ≤ 1.3 and the analyzer's peak RSS ≤ 200 MB. Three rounds, interleaved (a b a b a b);
// the headline ratio is the median round's, the spread is printed next to it.
// The analyzer's own CPU time is printed too: on a busy machine the wall-clock ratio swings with
// the daemon's share of the cores, while the CPU time says what the analysis itself costs.
import { createWriteStream, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { BIG_FILES, BIG_SIZE, ensureBigImage, FILES, fileSize, IMAGE } from './fixtures/build-big-image.mjs';
import { get } from './fixtures/engineHttp.mjs';
import { spawnTimed, usageOf } from './fixtures/spawnTimed.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli)) throw new Error('dist/cli.js is missing: npm run build first (npm run bench does)');

async function rawSave() {
  const started = process.hrtime.bigint();
  const res = await get(`/images/${encodeURIComponent(IMAGE)}/get`);
  if (res.statusCode !== 200) throw new Error(`save answered ${res.statusCode}`);
  let bytes = 0;
  res.on('data', (c) => { bytes += c.length; });
  await pipeline(res, createWriteStream('/dev/null'));
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, bytes };
}

async function analyze() {
  const r = await spawnTimed(process.execPath, ['--require', join(root, 'bench', 'fixtures', 'maxrss.cjs'), cli, 'analyze', '--json', IMAGE]);
  return { seconds: r.seconds, ...usageOf(r.stderr), report: JSON.parse(r.stdout) };
}

await ensureBigImage();

let expectedBytes = 0;
for (let i = 0; i < FILES; i++) expectedBytes += fileSize(i);
expectedBytes += BIG_FILES * BIG_SIZE;

const rounds = [];
for (let round = 1; round <= 3; round++) {
  const a = await rawSave();
  const b = await analyze();
  rounds.push({ a, b, ratio: b.seconds / a.seconds });
  console.log(`round ${round}: (a) save → /dev/null ${a.seconds.toFixed(2)} s (${(a.bytes / 1e9).toFixed(2)} GB, ${(a.bytes / 1e6 / a.seconds).toFixed(0)} MB/s)`
    + `   (b) layerscope analyze --json ${b.seconds.toFixed(2)} s (CPU ${b.cpuSeconds.toFixed(2)} s), peak RSS ${b.maxRssMb.toFixed(0)} MB   b/a = ${(b.seconds / a.seconds).toFixed(2)}`);
}

const report = rounds[rounds.length - 1].b.report;
const stored = report.layers.reduce((s, l) => s + l.sizeBytes, 0);
const fileBytes = expectedBytes + report.layers[0].sizeBytes;
console.log(`image: ${report.layers.length} layers, ${(report.sizeBytes / 1e9).toFixed(3)} GB stored, `
  + `${report.layers[1].added} entries added by the data layer, wasted ${report.wastedBytes} bytes, efficiency ${report.efficiency.toFixed(4)}`);
// Sanity: the numbers the analyzer must find in this image, or the timing means nothing.
const problems = [];
if (report.sizeBytes !== fileBytes || stored !== fileBytes) problems.push(`stored ${report.sizeBytes}, expected ${fileBytes}`);
if (report.wastedBytes !== BIG_SIZE) problems.push(`wasted ${report.wastedBytes}, expected ${BIG_SIZE}`);
if (report.layers[1].added !== FILES + 101) problems.push(`data layer added ${report.layers[1].added}, expected ${FILES + 101}`);

const ratios = rounds.map((r) => r.ratio).sort((x, y) => x - y);
const medianRatio = ratios[Math.floor(ratios.length / 2)];
const peak = Math.max(...rounds.map((r) => r.b.maxRssMb));
console.log(`RESULT analyze: b/a median ${medianRatio.toFixed(2)} (target ≤ 1.30; rounds ${ratios.map((r) => r.toFixed(2)).join(', ')}); `
  + `peak RSS ${peak.toFixed(0)} MB (target ≤ 200 MB)${problems.length ? `; WRONG RESULT: ${problems.join('; ')}` : ''}`);
if (problems.length) process.exit(1);
