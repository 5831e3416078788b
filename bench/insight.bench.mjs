// Dockerfile ↔ image, side by side in one run:
// (1) linking a 100-instruction Dockerfile to an image whose history is known, plus the lens data
//     (per-instruction layer and size), against a plain lint of the same file. Target ≤ 20 ms.
// (2) the measured findings after a deep analysis (summarize + link + measuredFindings) against the
//     analysis itself, on the 1 GB / 100,000-file bench image (bench/fixtures/build-big-image.mjs).
//     Target ≤ 10 % of the analysis time.
// (3) a reopened file with a cached summary (InsightCache on disk) reads no image: the count of
//     save streams opened is asserted.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBigImage, IMAGE } from './fixtures/build-big-image.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const ins = require(join(here, '..', 'dist', 'bench-insight.js'));

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
function timeCpu(fn, rounds) {
  const out = [];
  for (let i = 0; i < rounds; i++) { const t = cpuMs(); fn(); out.push(cpuMs() - t); }
  return median(out);
}
const problems = [];

// (1) A 100-instruction file and the BuildKit history it would leave (newest first).
const lines = ['FROM scratch', 'COPY busybox /bin/busybox', 'SHELL ["/bin/busybox", "sh", "-c"]', 'ARG LEVEL=3'];
const history = [['COPY busybox /bin/busybox # buildkit', 1_982_256], ['SHELL [/bin/busybox sh -c]', 0], ['ARG LEVEL=3', 0]];
for (let i = 0; lines.length < 101; i++) {
  switch (i % 5) {
    case 0: lines.push(`RUN echo step ${i} > /s${i}.txt && \\\n    mkdir -p /d${i}`); history.push([`RUN |1 LEVEL=3 /bin/busybox sh -c echo step ${i} > /s${i}.txt &&     mkdir -p /d${i} # buildkit`, 10]); break;
    case 1: lines.push(`ENV V${i}=value${i}`); history.push([`ENV V${i}=value${i}`, 0]); break;
    case 2: lines.push(`COPY f${i}.txt /app/f${i}.txt`); history.push([`COPY f${i}.txt /app/f${i}.txt # buildkit`, 100 + i]); break;
    case 3: lines.push(`WORKDIR /w${i}`); history.push([`WORKDIR /w${i}`, 0]); break;
    default: lines.push(`LABEL l${i}=v${i}`); history.push([`LABEL l${i}=v${i}`, 0]); break;
  }
}
const text = `${lines.join('\n')}\n`;
const entries = history.map(([createdBy, size]) => ({ id: '<missing>', created: 0, createdBy, tags: [], size, comment: '' })).reverse();
const layerCount = history.filter(([c]) => c.endsWith('# buildkit') || c.startsWith('WORKDIR')).length;
const diffIds = Array.from({ length: layerCount }, (_, i) => `sha256:${i}`);
const linkAndLenses = () => {
  const { steps } = ins.mapSteps(entries, diffIds);
  const link = ins.linkDockerfile(text, steps);
  if (!link.matched) throw new Error('the bench file did not link');
  return link.instructions.filter((r) => typeof r.layer === 'number').map((r) => ({ line: r.line, size: r.size }));
};
const lenses = linkAndLenses();
if (lenses.length !== layerCount) problems.push(`lenses for ${lenses.length} layers, expected ${layerCount}`);
for (let i = 0; i < 5; i++) { linkAndLenses(); ins.lintDockerfile(text); } // warm up
const linkMs = timeCpu(linkAndLenses, 31);
const lintMs = timeCpu(() => ins.lintDockerfile(text, { fileName: 'Dockerfile' }), 31);
console.log(`RESULT link: 100 instructions linked + lens data ${linkMs.toFixed(2)} ms CPU (target ≤ 20 ms), plain lint of the same file ${lintMs.toFixed(2)} ms; link/lint = ${(linkMs / lintMs).toFixed(2)}`);
if (linkMs > 20) problems.push(`link ${linkMs.toFixed(1)} ms > 20 ms`);

// (2) Measured findings on the bench image, beside its deep analysis.
await ensureBigImage();
const engine = ins.createEngine({ setting: '', env: process.env, homeDir: homedir() });
let saves = 0;
const analyze = async (image) => { saves++; return ins.analyzeImage(await engine.saveImages([image]), { verifyDiffIds: false }); };
const wall0 = Date.now();
const cpu0 = cpuMs();
const analysis = await analyze(IMAGE);
const analysisCpu = cpuMs() - cpu0;
const analysisWall = Date.now() - wall0;
const bigFile = ['FROM scratch', 'COPY busybox /bin/busybox', 'COPY data/ /data/', 'COPY big/ /big/', 'RUN ["/bin/busybox", "rm", "/big/big0.bin"]', 'LABEL layerscope.bench=1', ''].join('\n');
let findings = [];
const measured = () => {
  const insight = ins.summarize(analysis);
  const steps = ins.mapSteps([...analysis.history].reverse().map((h) => ({ id: '<missing>', created: 0, createdBy: h.createdByRaw, tags: [], size: 0, comment: '' })),
    analysis.layers.map((l) => l.digest), insight.emptyLayers).steps;
  const link = ins.linkDockerfile(bigFile, steps);
  findings = ins.measuredFindings(insight, link, { dockerfileText: bigFile });
  ins.savingsReport(insight, link);
};
measured();
const measuredMs = timeCpu(measured, 3);
const wasted = findings.find((f) => f.code === 'LS2002' && f.range.start.line === 3);
if (wasted?.bytes !== 16 * 1024 * 1024) problems.push(`expected LS2002 with 16 MiB on line 4, got ${JSON.stringify(findings.map((f) => [f.code, f.range.start.line, f.bytes]))}`);
console.log(`RESULT measured: summarize + link + findings + savings ${measuredMs.toFixed(0)} ms CPU vs the analysis ${analysisCpu.toFixed(0)} ms CPU (${(analysisWall / 1000).toFixed(1)} s wall) `
  + `= ${(100 * measuredMs / analysisCpu).toFixed(1)} % of its CPU, ${(100 * measuredMs / analysisWall).toFixed(1)} % of its wall time (target ≤ 10 %)`);
if (measuredMs > 0.1 * analysisCpu) problems.push(`measured findings cost ${(100 * measuredMs / analysisCpu).toFixed(1)} % of the analysis CPU`);

// (3) Reopening with a cached summary reads no image.
const dir = mkdtempSync(join(tmpdir(), 'layerscope-insight-bench-'));
try {
  const small = 'layerscope-fixture/base:1';
  const id = String((await engine.inspectImage(small)).Id);
  saves = 0;
  await ins.loadInsight(new ins.InsightCache(dir, 10), id, () => analyze(id));
  const first = saves;
  const reopened = new ins.InsightCache(dir, 10); // a new session: only the folder is shared
  const t = Date.now();
  await ins.loadInsight(reopened, id, () => analyze(id));
  console.log(`RESULT cache: first open ${first} save stream(s), reopened ${saves - first} (target 0), cache read ${Date.now() - t} ms`);
  if (first !== 1 || saves !== 1 || reopened.hits !== 1) problems.push(`cache: saves ${first} then ${saves - first}, hits ${reopened.hits}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (problems.length) { console.log(`WRONG RESULT: ${problems.join('; ')}`); process.exit(1); }
