// `npm run package` (scripts/package.mjs) for real: the .vsix holds the minified bundles and what the
// extension reads at run time, no source maps, no screenshots, nothing of the development build;
// it stays under 2 MB; and what VS Code loads at activation is a small part of it.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';

const repo = path.resolve(__dirname, '../..');
const MAX_VSIX_BYTES = 2 * 1024 * 1024;
/**
 * What activate() needs before any feature is used: main.mjs and its static imports (~28 KB since the
 * explorer's code loads with its first rows and the engine's glue just after activation: Ctx, the
 * doors, the command IDs; the heavy cores and the views load on first use). A static import of the
 * views, the engine or a core would add tens to hundreds of KB and fail here.
 */
const MAX_ACTIVATION_BYTES = 64 * 1024;
/** The CLI before it knows its command: cli-main.mjs and its static imports. */
const MAX_CLI_START_BYTES = 150 * 1024;

/** The entries of a zip archive (the central directory), with their inflated contents. */
function readZip(file: string): Map<string, Buffer> {
  const zip = fs.readFileSync(file);
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0, 'not a zip archive');
  const entries = new Map<string, Buffer>();
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = zip.readUInt16LE(eocd + 10); i > 0; i--) {
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + compressed);
    entries.set(name, method === 8 ? zlib.inflateRawSync(data) : data);
    at += 46 + skip;
  }
  return entries;
}

/** The files an ES module loads with static imports, itself included (relative specifiers only). */
function staticClosure(entries: Map<string, Buffer>, start: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const text = entries.get(file)?.toString('utf8');
    assert.ok(text !== undefined, `${file} is imported but not in the package`);
    seen.add(file);
    for (const m of text.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+)["']/g)) visit(path.posix.join(path.posix.dirname(file), m[1]));
  };
  visit(start);
  return seen;
}

describe('npm run package (the .vsix)', function () {
  this.timeout(240_000);
  let vsix: string;
  let entries: Map<string, Buffer>;

  before(() => {
    vsix = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'layerscope-vsix-')), 'layerscope.vsix');
    execFileSync(process.execPath, ['scripts/package.mjs', vsix], { cwd: repo, stdio: 'pipe' });
    entries = readZip(vsix);
  });
  after(() => fs.rmSync(path.dirname(vsix), { recursive: true, force: true }));

  it(`is at most ${MAX_VSIX_BYTES / 1024 / 1024} MB`, () => {
    const size = fs.statSync(vsix).size;
    assert.ok(size <= MAX_VSIX_BYTES, `the .vsix is ${(size / 1024).toFixed(0)} KB`);
  });

  it('holds the entry points, the webview, the icons and the rule docs', () => {
    for (const file of ['package.json', 'readme.md', 'dist/extension.js', 'dist/main.mjs', 'dist/cli.js', 'dist/cli-main.mjs',
      'media/webview.js', 'media/stats.js', 'media/webview.css', 'media/icon.png', 'media/layerscope.svg', 'docs/rules/DL3008.md']) {
      assert.ok(entries.has(`extension/${file}`), `extension/${file} is missing`);
    }
    const manifest = JSON.parse(entries.get('extension/package.json')!.toString('utf8'));
    assert.strictEqual(manifest.main, './dist/extension.js');
  });

  it('ships no source maps, screenshots, sources, tests or development bundles', () => {
    const unwanted = [...entries.keys()].filter((name) => /\.map$|\/screenshots\/|^extension\/(src|test|bench|scripts|node_modules|webview-ui)\/|dist\/lint\.js$|\.ts$/.test(name));
    assert.deepStrictEqual(unwanted, []);
  });

  it('ships minified bundles', () => {
    const main = entries.get('extension/dist/main.mjs')!.toString('utf8');
    const lines = main.split('\n').length;
    assert.ok(lines < main.length / 500, `dist/main.mjs has ${lines} lines for ${main.length} bytes: not minified`);
  });

  it(`loads at most ${MAX_ACTIVATION_BYTES / 1024} KB at activation (the CLI ${MAX_CLI_START_BYTES / 1024} KB at start), and every chunk they import is there`, () => {
    const closure = staticClosure(entries, 'extension/dist/main.mjs');
    const bytes = [...closure].reduce((sum, file) => sum + entries.get(file)!.length, 0);
    const total = [...entries.keys()].filter((n) => n.endsWith('.mjs')).reduce((sum, n) => sum + entries.get(n)!.length, 0);
    assert.ok(bytes <= MAX_ACTIVATION_BYTES,
      `activation loads ${(bytes / 1024).toFixed(0)} KB of ${(total / 1024).toFixed(0)} KB (${[...closure].join(', ')}): a heavy module is imported statically; import() it where it is first used (ARCHITECTURE.md)`);
    // The CLI's start-up the same way: lint and analyze load what they need when they run.
    const cli = staticClosure(entries, 'extension/dist/cli-main.mjs');
    const cliBytes = [...cli].reduce((sum, file) => sum + entries.get(file)!.length, 0);
    assert.ok(cliBytes <= MAX_CLI_START_BYTES, `the CLI loads ${(cliBytes / 1024).toFixed(0)} KB before choosing a command`);
  });
});
