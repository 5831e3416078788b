// `layerscope lint` runs ShellCheck over RUN scripts when it is on PATH (built CLI, real binary).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CLI = resolve(__dirname, '../../../../dist/cli.js');

describe('layerscope lint with ShellCheck (built CLI)', function () {
  this.timeout(60_000);
  let dir: string;
  const lint = (...args: string[]) => spawnSync(process.execPath, [CLI, 'lint', ...args], {
    encoding: 'utf8', env: { ...process.env, XDG_CONFIG_HOME: '/nonexistent', NO_COLOR: '1' },
  });
  before(function () {
    if (!existsSync(CLI)) assert.equal(spawnSync('npm', ['run', 'build'], { cwd: resolve(__dirname, '../../../..') }).status, 0);
    dir = mkdtempSync(join(tmpdir(), 'ls-sc-cli-'));
    writeFileSync(join(dir, 'Dockerfile'), 'FROM debian:12\nRUN echo start && \\\n    echo $HOME\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reports SC findings at the Dockerfile position, in hadolint JSON shape', () => {
    const r = lint('--format', 'json', join(dir, 'Dockerfile'));
    const found = JSON.parse(r.stdout) as { code: string; line: number; column: number; level: string }[];
    const sc = found.find((f) => f.code === 'SC2086');
    assert.ok(sc, r.stdout + r.stderr);
    assert.deepEqual([sc.line, sc.column, sc.level], [3, 10, 'info']);
  });

  it('--no-shellcheck and --ignore leave them out', () => {
    assert.ok(!lint('--no-shellcheck', join(dir, 'Dockerfile')).stdout.includes('SC2086'));
    assert.ok(!lint('--ignore', 'SC2086', join(dir, 'Dockerfile')).stdout.includes('SC2086'));
  });
});
