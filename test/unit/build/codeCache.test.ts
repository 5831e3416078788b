// The V8 code cache loader the build puts in place of mvdan-sh (scripts/esbuild/codeCache.cjs): a
// first process compiles and writes the cache when it exits, the next one uses it, a cache that
// does not fit is rejected and replaced, and LAYERSCOPE_CODE_CACHE=off writes nothing.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const loader = path.resolve(__dirname, '../../../scripts/esbuild/codeCache.cjs');

describe('build: V8 code cache for vendored packages', () => {
  let dir: string;
  let cacheDir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layerscope-codecache-'));
    cacheDir = path.join(dir, 'cache');
    fs.mkdirSync(path.join(dir, 'vendor'));
    fs.writeFileSync(path.join(dir, 'vendor', 'answer.js'), 'exports.answer = () => 6 * 7;\n' + '/* padding */\n'.repeat(200));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Loads vendor/answer.js from dist-like `chunks` folder in a new process; returns what the loader saw. */
  function run(env: Record<string, string> = {}): { answer: number; cache: string } {
    const chunks = path.join(dir, 'chunks');
    const script = `const load = require(${JSON.stringify(loader)}); const m = load('answer.js', ${JSON.stringify(chunks)});
      process.stdout.write(JSON.stringify({ answer: m.answer(), cache: load.loads[0].cache }));`;
    return JSON.parse(execFileSync(process.execPath, ['-e', script], { env: { ...process.env, LAYERSCOPE_CODE_CACHE_DIR: cacheDir, ...env }, encoding: 'utf8' }));
  }
  const cacheFiles = () => (fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir) : []);

  it('compiles and writes the cache first, then uses it', () => {
    assert.deepEqual(run(), { answer: 42, cache: 'none' });
    assert.equal(cacheFiles().length, 1);
    assert.deepEqual(run(), { answer: 42, cache: 'used' });
  });

  it('a cache that does not fit is rejected and replaced; a changed file replaces the old one', () => {
    run();
    const [file] = cacheFiles();
    fs.writeFileSync(path.join(cacheDir, file), 'not a V8 cache');
    assert.deepEqual(run(), { answer: 42, cache: 'rejected' });
    assert.deepEqual(run(), { answer: 42, cache: 'used' });
    fs.appendFileSync(path.join(dir, 'vendor', 'answer.js'), '// changed\n');
    assert.deepEqual(run(), { answer: 42, cache: 'none' });
    assert.equal(cacheFiles().length, 1, 'the cache of the old file is gone');
  });

  it('reads an ASCII file fast and any other file as UTF-8: the same text either way', () => {
    fs.writeFileSync(path.join(dir, 'vendor', 'answer.js'), 'exports.answer = () => "größe — 42".length;\n');
    assert.deepEqual(run(), { answer: 10, cache: 'none' });
    assert.deepEqual(run(), { answer: 10, cache: 'used' });
  });

  it('two copies of the loader (two bundles) share one module per file in a process', () => {
    fs.writeFileSync(path.join(dir, 'vendor', 'answer.js'), 'globalThis.answerRuns = (globalThis.answerRuns || 0) + 1;\nexports.answer = () => 42;\n');
    const copies = ['a.cjs', 'b.cjs'].map((name) => { const f = path.join(dir, name); fs.copyFileSync(loader, f); return f; });
    const script = `const [a, b] = ${JSON.stringify(copies)}.map((f) => require(f));
      const first = a('answer.js', ${JSON.stringify(path.join(dir, 'chunks'))});
      const second = b('answer.js', ${JSON.stringify(path.join(dir, 'cached'))});
      process.stdout.write(JSON.stringify({ same: first === second, runs: globalThis.answerRuns, loads: [a.loads.length, b.loads.length] }));`;
    const out = JSON.parse(execFileSync(process.execPath, ['-e', script], { env: { ...process.env, LAYERSCOPE_CODE_CACHE: 'off' }, encoding: 'utf8' }));
    assert.deepEqual(out, { same: true, runs: 1, loads: [1, 0] });
  });

  it('LAYERSCOPE_CODE_CACHE=off compiles without reading or writing a cache', () => {
    assert.deepEqual(run({ LAYERSCOPE_CODE_CACHE: 'off' }), { answer: 42, cache: 'none' });
    assert.deepEqual(cacheFiles(), []);
  });
});
