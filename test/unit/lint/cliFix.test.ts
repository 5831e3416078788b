// `layerscope lint --fix / --dry-run / --help` through the built CLI (dist/cli.js), on copies of real
// Dockerfiles from the shared corpus in a temporary folder.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { applyPatch, parsePatch } from 'diff';
import { lintDockerfile } from '../../../src/lint/index';
import { harmOf, parsed, safeFixAll } from '../../../src/lint/fixcheck';
import { corpusFiles } from './helpers';

const CLI = resolve(__dirname, '../../../dist/cli.js');

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [CLI, 'lint', ...args], {
    input, encoding: 'utf8', env: { ...process.env, XDG_CONFIG_HOME: '/nonexistent', NO_COLOR: '1' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('layerscope lint --fix / --dry-run (built CLI, corpus copies)', function () {
  this.timeout(120000);
  let dir: string;
  /** Corpus files with something to fix, the first 8 by name: a varied, stable sample. */
  let sample: string[] = [];
  before(function () {
    if (!existsSync(CLI)) {
      const b = spawnSync('npm', ['run', 'build'], { cwd: resolve(__dirname, '../../..'), encoding: 'utf8' });
      assert.equal(b.status, 0, b.stderr);
    }
    sample = corpusFiles().sort().filter((f) => lintDockerfile(readFileSync(f, 'utf8')).some((x) => x.fixes?.some((q) => q.preferred))).slice(0, 8);
    assert.equal(sample.length, 8, 'the corpus has files with automatic fixes');
  });
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'ls-lint-fix-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const copy = (f: string, i: number) => {
    const to = join(dir, `${i}-${basename(f)}`);
    copyFileSync(f, to);
    return to;
  };

  it('--help exits 0 and prints the usage with every option', () => {
    const r = run(['--help']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^Usage: layerscope lint /);
    for (const opt of ['--format', '--config', '--failure-threshold', '--ignore', '--no-fail', '--fix', '--dry-run', '--help']) assert.ok(r.out.includes(opt), opt);
    assert.equal(run(['-h']).code, 0);
  });

  it('--fix writes the checked fixes in place and reports only what is left', () => {
    const files = sample.map(copy);
    const originals = files.map((f) => readFileSync(f, 'utf8'));
    const r = run(['--fix', '--no-shellcheck', '-f', 'json', '--no-fail', ...files]);
    assert.equal(r.code, 0, r.err);
    const left = JSON.parse(r.out) as { file: string; code: string; line: number }[];
    files.forEach((file, i) => {
      const written = readFileSync(file, 'utf8');
      assert.notEqual(written, originals[i], `${file} changed`);
      // The same result as the checked fix-all in process, which found no harm in the whole change.
      const expected = safeFixAll(originals[i], (t) => lintDockerfile(t, { fileName: file }));
      assert.equal(written, expected.text, file);
      assert.deepEqual(harmOf(parsed(originals[i]), parsed(written), expected.applied), []);
      assert.ok(r.err.includes(`${file}: ${expected.applied.length} fix`), r.err);
      // The report is about the fixed file.
      assert.deepEqual(left.filter((x) => x.file === file).map((x) => `${x.line}:${x.code}`),
        lintDockerfile(written, { fileName: file }).map((x) => `${x.range.start.line + 1}:${x.code}`));
    });
  });

  it('--dry-run prints a unified diff that gives the --fix result, and writes nothing', () => {
    const files = sample.map(copy);
    const originals = files.map((f) => readFileSync(f, 'utf8'));
    const r = run(['--dry-run', ...files]);
    assert.equal(r.code, 0, r.err);
    const patches = parsePatch(r.out);
    assert.equal(patches.length, files.length);
    files.forEach((file, i) => {
      assert.equal(readFileSync(file, 'utf8'), originals[i], 'nothing written');
      assert.equal(patches[i].oldFileName, `a/${file}`);
      assert.ok(patches[i].hunks.length > 0);
      assert.equal(applyPatch(originals[i], patches[i]), safeFixAll(originals[i], (t) => lintDockerfile(t, { fileName: file })).text);
    });
  });

  it('--dry-run reads standard input; --fix refuses it; a clean file gives an empty diff', () => {
    const r = run(['--dry-run', '-'], 'from alpine:3.19\nEXPOSE 80/TCP\n');
    assert.equal(r.code, 0);
    assert.match(r.out, /^-from alpine:3\.19$/m);
    assert.match(r.out, /^\+FROM alpine:3\.19$/m);
    assert.match(r.out, /^\+EXPOSE 80\/tcp$/m);
    const refused = run(['--fix', '-'], 'FROM alpine:3.19\n');
    assert.equal(refused.code, 2);
    assert.match(refused.err, /--fix writes files in place: for standard input use --dry-run/);
    const clean = join(dir, 'Dockerfile');
    writeFileSync(clean, 'FROM alpine:3.19\nCMD ["true"]\n');
    assert.deepEqual([run(['--dry-run', clean]).out, run(['--fix', clean]).code], ['', 0]);
    assert.equal(readFileSync(clean, 'utf8'), 'FROM alpine:3.19\nCMD ["true"]\n');
  });

  it('--fix on a file with a lone \\r edits the lines BuildKit meant and keeps the \\r elsewhere', () => {
    const file = join(dir, 'Dockerfile');
    writeFileSync(file, 'FROM debian:12 as build\n# built by\rthe team\nENV stage\rfinal\nMAINTAINER me@example.org\n');
    const r = run(['--fix', '--no-shellcheck', '-f', 'json', '--no-fail', file]);
    assert.equal(r.code, 0, r.err);
    assert.equal(readFileSync(file, 'utf8'),
      'FROM debian:12 AS build\n# built by\rthe team\nENV stage=final\nLABEL org.opencontainers.image.authors="me@example.org"\n');
  });
});
