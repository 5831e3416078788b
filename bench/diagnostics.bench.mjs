// The editor's per-request costs on a 1,000-line Dockerfile (corpus files concatenated, like
// lint.bench.mjs), side by side in one run:
// (a) quick fixes for the line under the cursor (VS Code asks on every cursor move): the two
//     suppression fixes of every finding on the busiest line, parsing the text once per request
//     (suppressor) against once per finding (suppressionFixes). Target: p50 under 16 ms (one frame).
// (b) "fix all" (every preferred fix, re-linting between passes) against one lint of the same text.
import { build } from 'esbuild';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const out = join(mkdtempSync(join(tmpdir(), 'ls-diagbench-')), 'diag.cjs');
await build({
  stdin: {
    contents: "export { lintDockerfile } from './src/lint'; export * from './src/lint/suppress'; export * from './src/lint/fixAll';",
    resolveDir: root, loader: 'ts',
  },
  bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'warning',
});
const { lintDockerfile, suppressor, suppressionFixes, fixAll } = createRequire(import.meta.url)(out);

const corpus = resolve(root, '..', 'shared', 'corpus', 'dockerfiles');
const files = [];
(function walk(d) {
  for (const n of readdirSync(d).sort()) { const p = join(d, n); if (statSync(p).isDirectory()) walk(p); else files.push(readFileSync(p, 'utf8')); }
})(corpus);
const big = [];
for (const f of files) { big.push(...f.split('\n')); if (big.length >= 1000) break; }
const text = big.slice(0, 1000).join('\n') + '\n';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(2)} ms`;
const findings = lintDockerfile(text);
const byLine = new Map();
for (const f of findings) byLine.set(f.range.start.line, [...(byLine.get(f.range.start.line) ?? []), f]);
const busiest = [...byLine.values()].sort((a, b) => b.length - a.length)[0];

const once = () => { const s = suppressor(text); return busiest.reduce((n, f) => n + s(f).length, 0); };
const perFinding = () => busiest.reduce((n, f) => n + suppressionFixes(text, f).length, 0);
if (once() !== perFinding()) throw new Error('the two ways disagree');
for (let i = 0; i < 5; i++) { once(); perFinding(); }
const a = [], b = [];
for (let i = 0; i < 31; i++) {
  let t0 = performance.now(); once(); a.push(performance.now() - t0);
  t0 = performance.now(); perFinding(); b.push(performance.now() - t0);
}
console.log(`1,000-line Dockerfile, ${findings.length} findings; busiest line: ${busiest.length} findings (${busiest.map((f) => f.code).join(', ')})`);
console.log(`(a) quick fixes for that line: p50 ${ms(median(a))} parsing once, ${ms(median(b))} parsing per finding (x${(median(b) / median(a)).toFixed(1)}); target p50 < 16 ms: ${median(a) < 16 ? 'OK' : 'ABOVE TARGET'}`);

const lint = (t) => lintDockerfile(t);
const l = [], f = [];
let applied = 0;
for (let i = 0; i < 7; i++) {
  let t0 = performance.now(); lint(text); l.push(performance.now() - t0);
  t0 = performance.now(); applied = fixAll(text, lint).applied; f.push(performance.now() - t0);
}
console.log(`(b) fix all: ${applied} fixes, p50 ${ms(median(f))}; one lint p50 ${ms(median(l))} (fix all = ${(median(f) / median(l)).toFixed(1)} lints)`);
