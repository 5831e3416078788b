// ShellCheck over RUN scripts, side by side in one run on the same corpus files: (a) our way, every
// RUN script of a Dockerfile in one shellcheck process per dialect; (b) one shellcheck process per
// RUN script. Both must find the same things, and (a) must cost less (target b/a > 1). Measured as
// the CPU time of the shellcheck children (Linux /proc), steadier than wall time on a shared machine:
// ShellCheck's analysis, not its start-up, is most of the cost, so batching saves ~20%, not 2x.
import { build } from 'esbuild';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const out = join(mkdtempSync(join(tmpdir(), 'ls-scbench-')), 'sc.cjs');
await build({
  stdin: {
    contents: "export * from './src/lint/shell/shellcheck'; export * from './src/lint/node/shellcheck'; export { LintDocument } from './src/lint/document';",
    resolveDir: root, loader: 'ts',
  },
  bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'warning',
});
const { shellcheckFindings, shellcheckBatches, mapShellcheckOutput, singleBatch, findShellcheck, shellcheckRunner, LintDocument } = createRequire(import.meta.url)(out);

const bin = findShellcheck();
if (!bin) { console.log('shellcheck not on PATH: skipped'); process.exit(0); }
const runner = shellcheckRunner(bin);

const corpus = resolve(root, '..', 'shared', 'corpus', 'dockerfiles');
const files = [];
(function walk(d) {
  for (const n of readdirSync(d).sort()) { const p = join(d, n); if (statSync(p).isDirectory()) walk(p); else files.push(readFileSync(p, 'utf8')); }
})(corpus);
// Files with at least two RUNs, where batching can matter; a fixed sample keeps the bench short.
const sample = files.filter((t) => new LintDocument(t).runs().length >= 2).slice(0, 40);

async function batched() {
  let n = 0;
  for (const t of sample) n += (await shellcheckFindings(t, undefined, runner)).length;
  return n;
}

async function perRun() {
  let n = 0;
  for (const t of sample) {
    const doc = new LintDocument(t);
    for (const b of shellcheckBatches(doc)) {
      for (const piece of b.pieces) {
        const one = singleBatch(b, piece);
        n += mapShellcheckOutput(doc, one, await runner(b.args, one.input)).length;
      }
    }
  }
  return n;
}

// User+system time of waited-for children, in ms (fields 16 and 17 of /proc/self/stat, in 10 ms ticks).
const childCpuMs = () => { const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' '); return (Number(f[13]) + Number(f[14])) * 10; };
const time = async (f) => { const c0 = childCpuMs(); const n = await f(); return { ms: childCpuMs() - c0, n }; };
const rounds = [];
for (let i = 0; i < 3; i++) rounds.push([await time(batched), await time(perRun)]);
const scripts = sample.reduce((k, t) => k + shellcheckBatches(new LintDocument(t)).reduce((m, b) => m + b.pieces.length, 0), 0);
const best = (j) => [...rounds.map((r) => r[j].ms)].sort((x, y) => x - y)[1]; // median of 3
console.log(`${sample.length} Dockerfiles, ${scripts} RUN scripts; findings: batched ${rounds[0][0].n}, per RUN ${rounds[0][1].n}`);
const ratio = best(1) / best(0);
console.log(`(a) one shellcheck per file and dialect: ${best(0).toFixed(0)} ms CPU   (b) one per RUN script: ${best(1).toFixed(0)} ms CPU   b/a = ${ratio.toFixed(2)} (target > 1) ${ratio > 1 ? 'OK' : 'BELOW TARGET'}`);
if (rounds[0][0].n !== rounds[0][1].n) console.log('note: the two ways found different numbers of findings');
