// Lint speed, side by side in one run: our whole rule set (dist/lint.js, the built lint core with the
// shell rules) against dockerfile-utils' validate() alone, on the 248 corpus Dockerfiles
// (../shared/corpus/dockerfiles); target ours/theirs <= 2. Also the p50 latency to lint one
// 1,000-line Dockerfile made by concatenating corpus files. Corpus times are CPU time; the latency is wall time.
import { createRequire } from 'node:module';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const { lintDockerfile } = require(join(here, '..', 'dist', 'lint.js'));
const { validate } = require('dockerfile-utils');

const corpusDir = resolve(here, '..', '..', 'shared', 'corpus', 'dockerfiles');
const files = [];
(function walk(d) {
  for (const n of readdirSync(d).sort()) {
    const p = join(d, n);
    if (statSync(p).isDirectory()) walk(p); else files.push(readFileSync(p, 'utf8'));
  }
})(corpusDir);
if (files.length !== 248) throw new Error(`expected 248 corpus files in ${corpusDir}, found ${files.length}`);

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const ms = (x) => `${x.toFixed(1)} ms`;

// CPU time of this (single-threaded) process: steadier than wall time on a shared 2-core machine.
function cpuMs() { const u = process.cpuUsage(); return (u.user + u.system) / 1000; }
function timeAll(fn) {
  const t0 = cpuMs();
  for (const f of files) fn(f);
  return cpuMs() - t0;
}

const ours = (t) => lintDockerfile(t, { fileName: 'Dockerfile' });
const { instructionRules } = require(join(here, '..', 'dist', 'lint.js'));
// Everything except the RUN rules (no shell parsing): shows what the shell parse adds.
const oursNoShell = (t) => lintDockerfile(t, { fileName: 'Dockerfile', rules: instructionRules });
const theirs = (t) => validate(t);

// Warm both up, then alternate runs so both see the same machine conditions.
for (let i = 0; i < 3; i++) { timeAll(ours); timeAll(theirs); }
const RUNS = 9;
const a = [], b = [], c = [];
for (let i = 0; i < RUNS; i++) {
  globalThis.gc?.();
  a.push(timeAll(ours));
  globalThis.gc?.();
  b.push(timeAll(theirs));
  globalThis.gc?.();
  c.push(timeAll(oursNoShell));
}
const findings = files.reduce((n, f) => n + ours(f).length, 0);
const lines = files.reduce((n, f) => n + f.split('\n').length, 0);
console.log(`corpus: ${files.length} files, ${lines} lines; ${findings} findings from the whole rule set`);
console.log(`layerscope lintDockerfile (all rules):  median ${ms(median(a))} CPU over ${RUNS} runs`);
console.log(`dockerfile-utils validate() alone:      median ${ms(median(b))} CPU over ${RUNS} runs`);
console.log(`layerscope without the RUN rules:       median ${ms(median(c))} CPU (ratio ${(median(c) / median(b)).toFixed(2)}; the shell parse and RUN rules add ${ms(median(a) - median(c))})`);
const ratio = median(a) / median(b);
console.log(`ratio ours/theirs: ${ratio.toFixed(2)} (target <= 2) ${ratio <= 2 ? 'OK' : 'ABOVE TARGET'}`);

// One 1,000-line Dockerfile: whole corpus files concatenated until 1,000 lines, cut there.
let big = [];
for (const f of files) { big.push(...f.split('\n')); if (big.length >= 1000) break; }
const bigText = big.slice(0, 1000).join('\n') + '\n';
for (let i = 0; i < 5; i++) ours(bigText);
const lat = [], latV = [];
for (let i = 0; i < 31; i++) {
  let t0 = performance.now(); ours(bigText); lat.push(performance.now() - t0);
  t0 = performance.now(); theirs(bigText); latV.push(performance.now() - t0);
}
console.log(`1,000-line Dockerfile: p50 ${ms(median(lat))} to lint (validate() alone: p50 ${ms(median(latV))})`);
