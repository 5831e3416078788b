import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { DOCKERFILE_GLOB, isDockerfileName } from '../../../src/lint/dockerfileNames';

/** DOCKERFILE_GLOB's name part as a regex: `**\/{a,b}` with `*`, `.` and `[xX]` in the alternatives. */
function globNameRegex(glob: string): RegExp {
  const m = /^\*\*\/\{(.*)\}$/.exec(glob);
  assert.ok(m, `${glob} is **/{…}`);
  const alternatives = m[1].split(',').map((alt) => alt.replace(/\./g, '\\.').replace(/\*/g, '[^/]*'));
  return new RegExp(`^(?:${alternatives.join('|')})$`);
}

describe('Dockerfile names', () => {
  const names = ['Dockerfile', 'Containerfile', 'Dockerfile.dev', 'Containerfile.prod', 'app.Dockerfile', 'app.dockerfile',
    'build.Containerfile', 'build.containerfile', 'Dockerfile.a.b'];
  const others = ['Dockerfiles', 'dockerfile-notes.md', 'MyDockerfile', 'Dockerfile_old', 'README.md', 'docker-compose.yml', 'Containerfiles'];

  it('the glob (workspace scan, document selectors) takes the usual names the lint takes, and no others', () => {
    const glob = globNameRegex(DOCKERFILE_GLOB);
    for (const name of names) {
      assert.ok(isDockerfileName(`/w/${name}`), `lint takes ${name}`);
      assert.ok(glob.test(name), `glob takes ${name}`);
    }
    for (const name of others) {
      assert.ok(!isDockerfileName(`/w/${name}`), `lint leaves ${name}`);
      assert.ok(!glob.test(name), `glob leaves ${name}`);
    }
  });

  it('the lint also takes odd casings once such a file is open (the glob keeps to the usual ones)', () => {
    assert.ok(isDockerfileName('/w/DOCKERFILE'));
    assert.ok(isDockerfileName('/w/x.DOCKERFILE'));
    assert.ok(!globNameRegex(DOCKERFILE_GLOB).test('DOCKERFILE'));
  });

  it('package.json activates on a workspace that holds such a file, and still on the dockerfile language', () => {
    const manifest = JSON.parse(readFileSync(path.join(__dirname, '../../../package.json'), 'utf8'));
    assert.ok(manifest.activationEvents.includes(`workspaceContains:${DOCKERFILE_GLOB}`), manifest.activationEvents.join(', '));
    assert.ok(manifest.activationEvents.includes('onLanguage:dockerfile'));
  });
});
