// Bundled in place of a large package whose compile time dominates the first lint (mvdan-sh, a
// 1.5 MB GopherJS build), and of the diagnostics area (the lint core and its glue, loaded when the
// first Dockerfile opens): each ships as its own CommonJS file in dist/vendor/ or dist/cached/ and
// is compiled here with V8's code cache, kept per user (like VS Code's own cached data), so later extension hosts
// and CLI runs skip most of the parsing and lazy compiling. The cache is written once, a moment
// after the first load or at exit (so the functions the first parse compiled are in it), and V8 rejects a
// cache that does not fit this file and this V8; a rejected or unwritable cache only costs time.
// LAYERSCOPE_CODE_CACHE=off disables it; LAYERSCOPE_CODE_CACHE_DIR moves it.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');
const { isAscii } = require('node:buffer');
const { createRequire, wrap } = require('node:module');

/**
 * `file` is relative to dist/<folder> (dist/vendor: packages; dist/cached: our own areas, see
 * scripts/build.mjs); `dir` is the bundle's own folder (dist, dist/chunks or dist/<folder>).
 */
module.exports = function loadWithCodeCache(file, dir, folder = 'vendor') {
  const full = [path.join(dir, folder, file), path.join(dir, '..', folder, file)].find((f) => fs.existsSync(f));
  if (!full) throw new Error(`Layerscope: ${file} is missing from the extension's ${folder} folder`);
  // Each bundle holds its own copy of this loader (the chunks, the diagnostics area): one module per
  // file in the process all the same, as require() would, so a package loaded by one copy (the
  // diagnostics warm-up loads the shell parser first) is not compiled and set up again by another.
  const known = loadedFiles.get(full);
  if (known) return known.exports;
  const source = readSource(full);
  const cacheFile = cachePath(full);
  let cachedData;
  try { cachedData = cacheFile ? fs.readFileSync(cacheFile) : undefined; } catch { cachedData = undefined; }
  const script = new vm.Script(wrap(source), { filename: full, cachedData });
  loadWithCodeCache.loads.push({ file, cache: !cachedData ? 'none' : script.cachedDataRejected ? 'rejected' : 'used' });
  const module = { exports: {} };
  loadedFiles.set(full, module);
  try {
    script.runInThisContext().call(module.exports, module.exports, createRequire(full), module, full, path.dirname(full));
  } catch (err) {
    loadedFiles.delete(full);
    throw err;
  }
  if (cacheFile && (!cachedData || script.cachedDataRejected)) {
    // A moment later, or when a short-lived process (the CLI) exits first.
    let written = false;
    const write = () => { if (!written) { written = true; writeCache(cacheFile, `${path.basename(full, '.js')}-`, () => script.createCachedData()); } };
    setTimeout(write, 3000).unref();
    process.once('exit', write);
  }
  return module.exports;
};

/**
 * The file as a string. Bundles and the vendored packages are ASCII (esbuild escapes the rest), and
 * ASCII bytes read as Latin-1 are the same string: measured here on the 1.5 MB shell parser,
 * 0.5–9 ms against 35–100 ms through UTF-8 decoding (Node 20, a loaded machine).
 */
function readSource(full) {
  const bytes = fs.readFileSync(full);
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/** What each load found (tests and benchmarks read it); a file another copy loaded is not listed again. */
module.exports.loads = [];
const loadWithCodeCache = module.exports;
/** Files loaded in this process, by full path: shared by every copy of this loader. */
const loadedFiles = (globalThis[Symbol.for('layerscope.codeCache.loadedFiles')] ??= new Map());

function cachePath(full) {
  const setting = process.env.LAYERSCOPE_CODE_CACHE;
  if (setting === 'off' || setting === '0') return undefined;
  const root = process.env.LAYERSCOPE_CODE_CACHE_DIR || userCacheDir();
  if (!root) return undefined;
  const st = fs.statSync(full);
  const key = `${path.basename(full, '.js')}-${st.size}-${Math.floor(st.mtimeMs)}-v8-${process.versions.v8}-${process.arch}`;
  return path.join(root, `${key.replace(/[^\w.-]/g, '_')}.cache`);
}

/** The user's own cache folder (never a shared temporary one: a cache is code). */
function userCacheDir() {
  const home = os.homedir();
  if (!home) return undefined;
  if (process.platform === 'win32') return path.join(process.env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'layerscope', 'code-cache');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Caches', 'layerscope', 'code-cache');
  return path.join(process.env.XDG_CACHE_HOME || path.join(home, '.cache'), 'layerscope', 'code-cache');
}

function writeCache(cacheFile, prefix, data) {
  try {
    fs.mkdirSync(path.dirname(cacheFile), { recursive: true, mode: 0o700 });
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, data(), { mode: 0o600 });
    fs.renameSync(tmp, cacheFile);
    // One cache per package: drop those of other builds (an update, a rebuild).
    const dir = path.dirname(cacheFile);
    for (const old of fs.readdirSync(dir)) {
      if (old.startsWith(prefix) && old !== path.basename(cacheFile) && !old.endsWith('.tmp')) fs.rmSync(path.join(dir, old), { force: true });
    }
  } catch {
    // A read-only or full disk: the next start compiles again.
  }
}
