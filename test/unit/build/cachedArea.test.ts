// The diagnostics area loaded through V8's code cache (scripts/build.mjs, codeCachedAreas): built
// as one CommonJS file in dist/cached/, its door chunk holds only the loader (none of the lint
// core's chunks), gives the entry's named exports, and a second process uses the cache the first wrote.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const repo = path.resolve(__dirname, '../../..');

describe('build: the diagnostics area through the code cache', function () {
  this.timeout(180_000);
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'layerscope-cached-area-'));
    execFileSync(process.execPath, ['scripts/build.mjs', '--production', '--root', root], { cwd: repo, stdio: 'pipe' });
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  const door = () => {
    const chunks = path.join(root, 'dist', 'chunks');
    const name = fs.readdirSync(chunks).find((f) => /^diagnostics-.*\.mjs$/.test(f));
    assert.ok(name, 'no diagnostics door chunk');
    return path.join(chunks, name);
  };

  it('is one CommonJS file, and its door imports none of the lint core', () => {
    const area = fs.readFileSync(path.join(root, 'dist', 'cached', 'diagnostics.js'), 'utf8');
    assert.ok(!/^import /m.test(area) && /require\("vscode"\)/.test(area), 'dist/cached/diagnostics.js is not a CommonJS bundle');
    assert.ok(area.includes('DL3008'), 'the rules are not in the area bundle');
    const text = fs.readFileSync(door(), 'utf8');
    const imported = [...text.matchAll(/from"\.\/([^"]+\.mjs)"/g)].map((m) => path.join(path.dirname(door()), m[1]));
    const bytes = imported.reduce((sum, f) => sum + fs.statSync(f).size, text.length);
    assert.ok(bytes < 16 * 1024, `the door and what it imports weigh ${bytes} bytes: the lint core is imported as chunks`);
  });

  it('gives registerDiagnostics; the first process writes the cache, the next uses it', () => {
    const cacheDir = path.join(root, 'cache');
    // A stand-in for `vscode` at load time: every name of the API is a class whose every property
    // and call gives another one (the area only builds constants and classes when it loads).
    const names = [...fs.readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8')
      .matchAll(/^\texport (?:namespace|class|enum|const|let|var|function) (\w+)/gm)].map((m) => m[1]);
    const script = `const Module = require('module'); const resolve = Module._resolveFilename;
      const anything = () => new Proxy(class {}, { get: (t, k) => (k in t ? t[k] : anything()), apply: () => anything() });
      const api = {}; for (const n of ${JSON.stringify(names)}) api[n] = anything();
      require.cache['vscode-stand-in'] = { id: 'vscode-stand-in', filename: 'vscode-stand-in', loaded: true, exports: api };
      Module._resolveFilename = function (req, ...rest) { return req === 'vscode' ? 'vscode-stand-in' : resolve.call(this, req, ...rest); };
      const door = require(${JSON.stringify(door())});
      process.stdout.write(JSON.stringify({ type: typeof door.registerDiagnostics }));`;
    const run = () => JSON.parse(execFileSync(process.execPath, ['-e', script], { env: { ...process.env, LAYERSCOPE_CODE_CACHE_DIR: cacheDir }, encoding: 'utf8' }));
    assert.deepEqual(run(), { type: 'function' });
    const cached = fs.readdirSync(cacheDir);
    assert.ok(cached.some((f) => f.startsWith('diagnostics-')), `no cache of the area: ${cached.join(', ')}`);
    const stamp = fs.statSync(path.join(cacheDir, cached.find((f) => f.startsWith('diagnostics-'))!)).mtimeMs;
    assert.deepEqual(run(), { type: 'function' });
    const again = fs.statSync(path.join(cacheDir, fs.readdirSync(cacheDir).find((f) => f.startsWith('diagnostics-'))!)).mtimeMs;
    assert.equal(again, stamp, 'the second process rewrote the cache: it did not use it');
  });
});
