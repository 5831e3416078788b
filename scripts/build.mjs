// Bundles the extension host code and the CLI (one build, shared chunks), the lint core alone (for
// bench/lint.bench.mjs) and the webview's browser code. `--production` (npm run package) minifies,
// drops source maps and the bench-only lint bundle; `--root DIR` writes DIR/dist and
// DIR/media/webview.js instead of ./dist (the package's staging folder); `--metafile FILE` writes
// esbuild's metafile of the extension and CLI build (what went into which chunk).
//
// The extension and the CLI are built as ES modules with code splitting: every `await import()` in
// src/ becomes its own chunk, loaded the first time it runs, and code both entries use lives in one
// shared chunk instead of twice. VS Code loads `main` with require(), so dist/extension.js and
// dist/cli.js are small CommonJS doors that import() the ES module entries.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const requireFromHere = createRequire(import.meta.url);

const argv = process.argv.slice(2);
const watch = argv.includes('--watch');
const production = argv.includes('--production');
const option = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const metafileOut = option('--metafile');
const root = option('--root') ?? '.';
const dist = `${root}/dist`;

// ssh2 (via dockerode) optionally loads native helpers; both have pure-JS fallbacks.
const optionalNative = ['cpu-features', './crypto/build/Release/sshcrypto.node'];

// In the ES module chunks, `vscode` (which the extension host provides only to require()) and the
// bundled CommonJS packages' own require()/__dirname need a CommonJS view of the chunk's file.
const esmPrelude = [
  "import { createRequire as __lsCreateRequire } from 'node:module';",
  "import { dirname as __lsDirname } from 'node:path';",
  "import { fileURLToPath as __lsFileURLToPath } from 'node:url';",
  'const require = __lsCreateRequire(import.meta.url);',
  'const __filename = __lsFileURLToPath(import.meta.url);',
  'const __dirname = __lsDirname(__filename);',
  // See loadChunksSynchronously below.
  'const __load = (file) => (process.features && process.features.require_module'
    + ' ? new Promise((resolve) => setImmediate(resolve)).then(() => require(file)).catch((err) => {'
    + ' if (err && (err.code === "ERR_REQUIRE_ESM" || err.code === "ERR_REQUIRE_ASYNC_MODULE")) return import(file); throw err; })'
    + ' : import(file));',
].join('\n');

/**
 * Every `await import('./x')` of a chunk goes through `__load` (same length as `import(`, so source
 * maps stay right): where Node can require() ES modules, the chunk loads in one synchronous step, as
 * the door loads the entry, on the next turn of the event loop (an import() started inside
 * activate() must not load there). VS Code's extension host registers module hooks, and there each
 * file of an import() is resolved and loaded asynchronously through them: profiled, the explorer's
 * first import spent ~400 ms there, most of the first rows. Callers still await a promise.
 */
const loadChunksSynchronously = {
  name: 'load-chunks-synchronously',
  setup(build) {
    build.onEnd((result) => {
      for (const file of Object.keys(result.metafile?.outputs ?? {}).filter((f) => f.endsWith('.mjs'))) {
        const text = readFileSync(file, 'utf8');
        const next = text.replace(/\bimport\((["'])(\.{1,2}\/[^"']+\.mjs)\1\)/g, '__load($1$2$1)');
        if (next !== text) writeFileSync(file, next);
      }
    });
  },
};

/**
 * `import * as vscode from 'vscode'` in a chunk becomes require('vscode') through the prelude's
 * require, read once into named exports (the names the API exports at run time, from its typings):
 * a CommonJS module would be copied into a new namespace object by every module that imports it,
 * property by property (about 5 ms of activation on this machine, profiled).
 */
const vscodeNames = [...new Set([...readFileSync(requireFromHere.resolve('@types/vscode/index.d.ts'), 'utf8')
  .matchAll(/^\texport (?:namespace|class|enum|const|let|var|function) (\w+)/gm)].map((m) => m[1]))];
const vscodeThroughRequire = {
  name: 'vscode-through-require',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) => (args.namespace === 'vscode-require'
      ? { path: 'vscode', external: true }
      : { path: 'vscode', namespace: 'vscode-require' }));
    build.onLoad({ filter: /.*/, namespace: 'vscode-require' }, () => ({
      contents: `const api = require('vscode');\nexport const { ${vscodeNames.join(', ')} } = api;\n`,
      loader: 'js',
    }));
  },
};

/**
 * Packages the engine client requires at load but uses only on some paths: bundled as usual, but
 * their module code runs on first use (scripts/esbuild/deferred.cjs). Most of dockerode's weight.
 */
const deferredPackages = ['ssh2', '@grpc/grpc-js', '@grpc/proto-loader'];
const deferOnFirstUse = {
  name: 'defer-on-first-use',
  setup(build) {
    const filter = new RegExp(`^(${deferredPackages.map((p) => p.replace(/[/.]/g, '\\$&')).join('|')})$`);
    build.onResolve({ filter }, (args) => (args.namespace === 'deferred' ? undefined : { path: args.path, namespace: 'deferred' }));
    build.onLoad({ filter: /.*/, namespace: 'deferred' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(path.resolve('scripts/esbuild/deferred.cjs'))})(() => require(${JSON.stringify(args.path)}));`,
      resolveDir: process.cwd(),
      loader: 'js',
    }));
  },
};

/**
 * Packages whose compile time dominates their first use: shipped as their own file in dist/vendor/
 * and compiled there with V8's code cache (scripts/esbuild/codeCache.cjs). mvdan-sh is a 1.5 MB
 * GopherJS build that every first lint evaluates.
 */
const codeCachedPackages = ['mvdan-sh'];
const compileWithCodeCache = {
  name: 'compile-with-code-cache',
  setup(build) {
    const filter = new RegExp(`^(${codeCachedPackages.map((p) => p.replace(/[/.]/g, '\\$&')).join('|')})$`);
    build.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'code-cache' }));
    build.onLoad({ filter: /.*/, namespace: 'code-cache' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(path.resolve('scripts/esbuild/codeCache.cjs'))})(${JSON.stringify(`${args.path}.js`)}, __dirname);`,
      resolveDir: process.cwd(),
      loader: 'js',
    }));
  },
};
/**
 * Our own areas loaded through the code cache too: `import('./index')` in the area's door becomes a
 * tiny chunk that loads dist/cached/<name>.js, a CommonJS bundle of the area (esbuild's ES module
 * chunks cannot take V8's cached data on Node 20: only vm.Script and CommonJS can). Profiled in plain
 * node, the diagnostics area's ~0.86 MB of chunks spent ~65 ms compiling and its first lint ~60 ms
 * more compiling lazily; from the cache both are mostly a deserialisation. The bundle holds its own
 * copy of the lint core (the CLI and the linked-image glue keep theirs in the shared chunks): nothing
 * crosses between the copies but plain data, `vscode` and the Ctx handed to it.
 */
const codeCachedAreas = [{ door: 'src/diagnostics/onDemand.ts', entry: 'src/diagnostics/index.ts', name: 'diagnostics' }];
const loadAreasWithCodeCache = {
  name: 'load-areas-with-code-cache',
  setup(build) {
    build.onResolve({ filter: /^\.\/index$/ }, (args) => {
      const area = codeCachedAreas.find((a) => args.kind === 'dynamic-import' && path.resolve(args.importer) === path.resolve(a.door));
      return area ? { path: area.name, namespace: 'code-cached-area' } : undefined;
    });
    // An ES module with the entry's own named exports (an import() of a CommonJS stub gives only `default`).
    build.onLoad({ filter: /.*/, namespace: 'code-cached-area' }, (args) => {
      const area = codeCachedAreas.find((a) => a.name === args.path);
      const names = [...readFileSync(area.entry, 'utf8').matchAll(/^export (?:async )?(?:function|class|const|let) (\w+)/gm)].map((m) => m[1]);
      return {
        contents: `import load from ${JSON.stringify(path.resolve('scripts/esbuild/codeCache.cjs'))};\n`
          + `const area = load(${JSON.stringify(`${area.name}.js`)}, __dirname, 'cached');\n`
          + names.map((n) => `export const ${n} = area.${n};\n`).join(''),
        resolveDir: process.cwd(),
        loader: 'js',
      };
    });
  },
};

/** The vendored files beside the bundles, as the packages ship them. */
function copyVendored() {
  mkdirSync(`${dist}/vendor`, { recursive: true });
  for (const pkg of codeCachedPackages) copyFileSync(requireFromHere.resolve(pkg), `${dist}/vendor/${pkg}.js`);
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const areaBuilds = codeCachedAreas.map((area) => ({
  ...common,
  format: 'cjs',
  entryPoints: [area.entry],
  outfile: `${dist}/cached/${area.name}.js`,
  external: ['vscode', ...optionalNative],
  plugins: [deferOnFirstUse, compileWithCodeCache],
}));

const main = {
  ...common,
  format: 'esm',
  splitting: true,
  entryPoints: { main: 'src/extension.ts', 'cli-main': 'src/cli.ts' },
  outdir: dist,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  banner: { js: esmPrelude },
  external: optionalNative,
  plugins: [vscodeThroughRequire, deferOnFirstUse, compileWithCodeCache, loadAreasWithCodeCache, loadChunksSynchronously],
  metafile: true,
};

// The CommonJS doors: tiny, so VS Code's require() of `main` costs nothing before activate() runs.
// Where Node can require() an ES module (20.19+, 22.12+: process.features.require_module) the door
// loads the entry synchronously: activate() then runs in one go instead of yielding to the host
// between every chunk file the ESM loader reads (on a busy host that more than doubled it).
// Elsewhere it falls back to import().
const loadEntry = (file) => `function load() {
  if (process.features && process.features.require_module) {
    try { return require(${JSON.stringify(file)}); } catch (err) {
      if (!err || (err.code !== "ERR_REQUIRE_ESM" && err.code !== "ERR_REQUIRE_ASYNC_MODULE")) throw err;
    }
  }
  return import(${JSON.stringify(file)});
}`;
const extensionDoor = `"use strict";
// Loads the extension's ES module entry (dist/main.mjs); see scripts/build.mjs.
${loadEntry('./main.mjs')}
// LAYERSCOPE_CPU_PROFILE_DIR=DIR: a CPU profile of the extension host's first 5 s from here (load,
// activate, first results) written to DIR as a .cpuprofile (how activation was profiled in the real host).
if (process.env.LAYERSCOPE_CPU_PROFILE_DIR) {
  const session = new (require("inspector").Session)();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.setSamplingInterval", { interval: 100 });
  session.post("Profiler.start");
  setTimeout(() => session.post("Profiler.stop", (err, result) => {
    if (!err) require("fs").writeFileSync(require("path").join(process.env.LAYERSCOPE_CPU_PROFILE_DIR, "activation-" + process.pid + ".cpuprofile"), JSON.stringify(result.profile));
  }), 5000).unref();
}
let loaded;
exports.activate = (context) => {
  const entry = load();
  if (typeof entry.then !== "function") return (loaded = entry).activate(context);
  return entry.then((m) => (loaded = m).activate(context));
};
exports.deactivate = () => loaded?.deactivate();
`;
const cliDoor = `#!/usr/bin/env node
"use strict";
${loadEntry('./cli-main.mjs')}
load();
`;

const builds = [main, ...areaBuilds];
if (!production) {
  // The lint core alone (what bench/lint.bench.mjs measures, without the CLI or extension around it).
  builds.push({ ...common, format: 'cjs', entryPoints: ['src/lint/index.ts'], outfile: `${dist}/lint.js`, external: optionalNative });
  // The insight room and what its benchmark compares it with (bench/insight.bench.mjs).
  builds.push({ ...common, format: 'cjs', entryPoints: ['bench/fixtures/insightEntry.ts'], outfile: `${dist}/bench-insight.js`, external: optionalNative });
}
if (existsSync('webview-ui/main.ts')) {
  builds.push({
    ...common, platform: 'browser', target: 'es2022', format: 'iife', entryPoints: ['webview-ui/main.ts'], outfile: `${root}/media/webview.js`,
  });
  // The Stats panel's own small script.
  builds.push({
    ...common, platform: 'browser', target: 'es2022', format: 'iife', entryPoints: ['webview-ui/stats/main.ts'], outfile: `${root}/media/stats.js`,
  });
}

// Old chunks would pile up (their names carry a content hash).
rmSync(`${dist}/chunks`, { recursive: true, force: true });
rmSync(`${dist}/cached`, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
writeFileSync(`${dist}/extension.js`, extensionDoor);
writeFileSync(`${dist}/cli.js`, cliDoor, { mode: 0o755 });
copyVendored();

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  const [result] = await Promise.all(builds.map((b) => esbuild.build(b)));
  if (metafileOut) writeFileSync(metafileOut, JSON.stringify(result.metafile));
}
