// Runs the built CLI (dist/cli.js, from `npm run build`) on temporary files.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CLI = resolve(__dirname, '../../../dist/cli.js');

function run(args: string[], opts: { cwd?: string; input?: string } = {}) {
  const r = spawnSync(process.execPath, [CLI, 'lint', ...args], {
    cwd: opts.cwd, input: opts.input, encoding: 'utf8', env: { ...process.env, XDG_CONFIG_HOME: '/nonexistent', NO_COLOR: '1' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('layerscope lint (built CLI)', function () {
  this.timeout(30000);
  let dir: string;
  before(function () {
    if (!existsSync(CLI)) {
      const b = spawnSync('npm', ['run', 'build'], { cwd: resolve(__dirname, '../../..'), encoding: 'utf8' });
      assert.equal(b.status, 0, b.stderr);
    }
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ls-lint-cli-'));
    writeFileSync(join(dir, 'Dockerfile'), 'FROM alpine:latest\nMAINTAINER me\nEXPOSE 80/TCP\n');
    writeFileSync(join(dir, 'clean.Dockerfile'), 'FROM alpine:3.19\nCMD ["true"]\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints tty findings and exits 1 when one reaches the default threshold', () => {
    const r = run([join(dir, 'Dockerfile')]);
    assert.equal(r.code, 1);
    assert.match(r.out, /Dockerfile:1:6 DL3007 warning: /);
    assert.match(r.out, /Dockerfile:2:1 DL4000 error: /);
  });
  it('exits 0 on a clean file', () => {
    const r = run([join(dir, 'clean.Dockerfile')]);
    assert.deepEqual([r.code, r.out], [0, '']);
  });
  it('prints hadolint-shaped JSON with 1-based positions', () => {
    const r = run(['--format', 'json', join(dir, 'Dockerfile')]);
    const rows = JSON.parse(r.out);
    assert.deepEqual(Object.keys(rows[0]).sort(), ['code', 'column', 'file', 'level', 'line', 'message']);
    assert.deepEqual(rows.map((x: { code: string; line: number; column: number }) => `${x.line}:${x.column}:${x.code}`), ['1:6:DL3007', '2:1:DL4000', '3:8:ExposeProtoCasing']);
  });
  it('reads standard input with -', () => {
    const r = run(['-f', 'json', '-'], { input: 'FROM debian\n' });
    assert.equal(JSON.parse(r.out)[0].code, 'DL3006');
    assert.equal(JSON.parse(r.out)[0].file, '-');
  });
  it('honours --failure-threshold and --ignore (aliases too)', () => {
    assert.equal(run(['--failure-threshold', 'none', join(dir, 'Dockerfile')]).code, 0);
    assert.equal(run(['--failure-threshold=error', '--ignore', 'MaintainerDeprecated', join(dir, 'Dockerfile')]).code, 0);
    assert.equal(run(['--no-fail', join(dir, 'Dockerfile')]).code, 0);
    const r = run(['--ignore', 'DL3007,DL4000', '--ignore', 'ExposeProtoCasing', join(dir, 'Dockerfile')]);
    assert.deepEqual([r.code, r.out], [0, '']);
  });
  it('uses a .hadolint.yaml beside the Dockerfile, and --config FILE', () => {
    writeFileSync(join(dir, '.hadolint.yaml'), 'ignored: [DL3007]\noverride:\n  info: [DL4000]\nfailure-threshold: error\n');
    const r = run(['-f', 'json', join(dir, 'Dockerfile')]);
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.out).map((x: { code: string; level: string }) => `${x.code}:${x.level}`), ['DL4000:info', 'ExposeProtoCasing:warning']);
    const other = join(dir, 'other.yaml');
    writeFileSync(other, 'failure-threshold: style\n');
    assert.equal(run(['--config', other, join(dir, 'Dockerfile')]).code, 1);
  });
  it('exits 2 with a clear message on a bad config, unreadable file or bad usage', () => {
    writeFileSync(join(dir, 'bad.yaml'), 'ignored: [\n');
    let r = run(['--config', join(dir, 'bad.yaml'), join(dir, 'Dockerfile')]);
    assert.equal(r.code, 2);
    assert.match(r.err, /not valid YAML/);
    r = run([join(dir, 'missing'), join(dir, 'clean.Dockerfile')]);
    assert.equal(r.code, 2);
    assert.match(r.err, /cannot read .*missing: no such file/);
    r = run(['--format', 'yaml', 'x']);
    assert.equal(r.code, 2);
    assert.match(r.err, /unknown format 'yaml'/);
    assert.equal(run([]).code, 2);
    assert.equal(run(['--bogus', 'x']).code, 2);
  });
  it('writes SARIF 2.1.0 with rules, help links and mapped levels', () => {
    const r = run(['--format', 'sarif', join(dir, 'Dockerfile')]);
    const log = JSON.parse(r.out);
    assert.equal(log.version, '2.1.0');
    const run0 = log.runs[0];
    assert.deepEqual(run0.tool.driver.rules.map((x: { id: string }) => x.id), ['DL3007', 'DL4000', 'ExposeProtoCasing']);
    assert.match(run0.tool.driver.rules[0].helpUri, /docs\/rules\/DL3007\.md$/);
    const res = run0.results.map((x: { ruleId: string; level: string; ruleIndex: number }) => `${x.ruleId}:${x.level}:${x.ruleIndex}`);
    assert.deepEqual(res, ['DL3007:warning:0', 'DL4000:error:1', 'ExposeProtoCasing:warning:2']);
    assert.deepEqual(run0.results[0].locations[0].physicalLocation.region, { startLine: 1, startColumn: 6, endLine: 1, endColumn: 19 });
  });
  it('maps info/style to SARIF note', () => {
    writeFileSync(join(dir, '.hadolint.yaml'), 'override:\n  style: [DL3007]\n  info: [DL4000]\n');
    const log = JSON.parse(run(['--format', 'sarif', join(dir, 'Dockerfile')]).out);
    assert.deepEqual(log.runs[0].results.slice(0, 2).map((x: { level: string }) => x.level), ['note', 'note']);
  });
  it('writes escaped checkstyle XML', () => {
    mkdirSync(join(dir, 'a&b'));
    writeFileSync(join(dir, 'a&b', 'Dockerfile'), 'FROM alpine:latest\n');
    const r = run(['--format', 'checkstyle', join(dir, 'a&b', 'Dockerfile')]);
    assert.match(r.out, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<checkstyle version="4.3">/);
    assert.match(r.out, /<file name="[^"]*a&amp;b\/Dockerfile">/);
    assert.match(r.out, /<error line="1" column="6" severity="warning" message="&apos;alpine:latest&apos; [^"]*" source="DL3007"\/>/);
  });
});
