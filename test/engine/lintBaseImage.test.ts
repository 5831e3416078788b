// `layerscope lint` reads a FROM image's ENV from the real test engine: a variable the image sets is
// no UndefinedVar finding; with --no-engine the finding stays (hedged). Built CLI, real dockerd.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { docker, dockerHost, throwawayName } from './helpers';

const CLI = resolve(__dirname, '../../dist/cli.js');

describe('layerscope lint with the engine: base-image ENV (real dockerd)', function () {
  this.timeout(120000);
  let dir: string;
  let image: string;
  before(function () {
    if (!existsSync(CLI)) {
      const b = spawnSync('npm', ['run', 'build'], { cwd: resolve(__dirname, '../..'), encoding: 'utf8' });
      assert.equal(b.status, 0, b.stderr);
    }
    dir = mkdtempSync(join(tmpdir(), 'ls-lint-engine-'));
    image = `${throwawayName('envbase')}:1`;
    // FROM scratch with only an ENV: nothing pulled, nothing run; the legacy builder needs no network.
    execFileSync('docker', ['build', '-q', '-t', image, '--label', 'layerscope.throwaway=1', '-'], {
      input: 'FROM scratch\nENV TOOLS_HOME=/opt/tools\n', encoding: 'utf8',
      env: { ...process.env, DOCKER_HOST: dockerHost(), DOCKER_BUILDKIT: '0' }, stdio: ['pipe', 'pipe', 'pipe'],
    });
  });
  after(() => {
    if (image) try { docker('rmi', '-f', image); } catch { /* already gone */ }
    rmSync(dir, { recursive: true, force: true });
  });

  function lint(...args: string[]) {
    const file = join(dir, 'Dockerfile');
    writeFileSync(file, `FROM ${image}\nCOPY $TOOLS_HOME/bin /usr/local/bin\nCOPY $NOT_SET_ANYWHERE /x\n`);
    const r = spawnSync(process.execPath, [CLI, 'lint', '--no-shellcheck', '--no-fail', '-f', 'json', ...args, file],
      { encoding: 'utf8', env: { ...process.env, DOCKER_HOST: dockerHost(), XDG_CONFIG_HOME: '/nonexistent' } });
    assert.equal(r.status, 0, r.stderr);
    return (JSON.parse(r.stdout) as { code: string; line: number; level: string; message: string }[]).filter((f) => f.code === 'UndefinedVar');
  }

  it('asks the engine: what the image sets is defined, what it does not set is a plain warning', () => {
    const found = lint();
    assert.deepEqual(found.map((f) => [f.line, f.level]), [[3, 'warning']]);
    assert.match(found[0].message, /NOT_SET_ANYWHERE/);
  });
  it('--no-engine keeps the hedge for both', () => {
    const found = lint('--no-engine');
    assert.deepEqual(found.map((f) => [f.line, f.level]), [[2, 'info'], [3, 'info']]);
    assert.match(found[0].message, /unless the base image/);
  });
});
