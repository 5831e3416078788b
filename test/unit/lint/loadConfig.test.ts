import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { configCandidates, loadConfigFile, loadConfigFor } from '../../../src/lint/node/loadConfig';

describe('lint/node/loadConfig', () => {
  let tmp: string;
  let home: string;
  let root: string;
  let dir: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ls-loadconfig-'));
    home = path.join(tmp, 'home');
    root = path.join(tmp, 'ws');
    dir = path.join(root, 'svc');
    fs.mkdirSync(path.join(home, '.config'), { recursive: true });
    fs.mkdirSync(dir, { recursive: true });
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('looks beside the Dockerfile, then the root, then the user config folder', () => {
    assert.deepEqual(configCandidates(dir, root, home, ''), [
      path.join(dir, '.hadolint.yaml'), path.join(dir, '.hadolint.yml'),
      path.join(root, '.hadolint.yaml'), path.join(root, '.hadolint.yml'),
      path.join(home, '.config', 'hadolint.yaml'), path.join(home, '.config', 'hadolint.yml'),
      path.join(home, '.config', '.hadolint.yaml'), path.join(home, '.config', '.hadolint.yml'),
    ]);
    assert.equal(configCandidates(root, root, home, path.join(tmp, 'xdg')).filter((c) => c.startsWith(root)).length, 2);
    assert.ok(configCandidates(dir, undefined, home, path.join(tmp, 'xdg')).at(-1)!.startsWith(path.join(tmp, 'xdg')));
  });

  it('uses the nearest file only', async () => {
    fs.writeFileSync(path.join(root, '.hadolint.yaml'), 'ignored: [DL3008]\n');
    fs.writeFileSync(path.join(home, '.config', 'hadolint.yaml'), 'ignored: [DL3009]\n');
    assert.deepEqual(await loadConfigFor(dir, root, home, ''), { file: path.join(root, '.hadolint.yaml'), config: { ignored: ['DL3008'] }, errors: [] });
    fs.writeFileSync(path.join(dir, '.hadolint.yml'), 'override:\n  error: [DL3006]\n');
    const beside = await loadConfigFor(dir, root, home, '');
    assert.equal(beside.file, path.join(dir, '.hadolint.yml'));
    assert.deepEqual(beside.config, { override: { DL3006: 'error' } });
  });

  it('falls back to the user config folder, and to nothing', async () => {
    assert.deepEqual(await loadConfigFor(dir, root, home, ''), { config: {}, errors: [] });
    fs.writeFileSync(path.join(home, '.config', 'hadolint.yaml'), 'trustedRegistries: [my.registry]\n');
    const user = await loadConfigFor(dir, root, home, '');
    assert.deepEqual(user.config, { trustedRegistries: ['my.registry'] });
  });

  it('reports bad YAML with the file name instead of throwing', async () => {
    fs.writeFileSync(path.join(dir, '.hadolint.yaml'), 'ignored: [DL3008\n');
    const bad = await loadConfigFor(dir, root, home, '');
    assert.equal(bad.file, path.join(dir, '.hadolint.yaml'));
    assert.equal(bad.errors.length, 1);
    assert.match(bad.errors[0], /\.hadolint\.yaml: not valid YAML/);
  });

  it('reports an unreadable candidate (a folder named like the file)', async () => {
    fs.mkdirSync(path.join(dir, '.hadolint.yaml'));
    const r = await loadConfigFor(dir, root, home, '');
    assert.match(r.errors[0], /cannot be read \(EISDIR\)/);
  });

  it('an explicit file that is missing is an error', async () => {
    const r = await loadConfigFile(path.join(tmp, 'nope.yaml'));
    assert.match(r.errors[0], /nope\.yaml: cannot be read \(ENOENT\)/);
    fs.writeFileSync(path.join(tmp, 'ok.yaml'), 'failure-threshold: error\n');
    assert.deepEqual((await loadConfigFile(path.join(tmp, 'ok.yaml'))).config, { failureThreshold: 'error' });
  });
});
