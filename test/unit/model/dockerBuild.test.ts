import * as assert from 'node:assert/strict';
import { buildCommand, cliMajor, normalTag, tagProblem, useBuildKit } from '../../../src/model/dockerBuild';

const linux = { os: 'linux', podman: false };

describe('dockerBuild', () => {
  it('reads the CLI major version', () => {
    assert.equal(cliMajor('Docker version 20.10.24+dfsg1, build 297e128'), 20);
    assert.equal(cliMajor('Docker version 28.2.2, build e6534b4'), 28);
    assert.equal(cliMajor('podman version 4.3.1'), 4);
    assert.equal(cliMajor(''), undefined);
  });

  it('uses BuildKit where the CLI can drive it, else the legacy builder', () => {
    // Debian's 20.10 CLI talks to the engine's BuildKit without buildx.
    assert.equal(useBuildKit('auto', { versionText: 'Docker version 20.10.24+dfsg1, build 297e128', hasBuildx: false }, linux), true);
    // A 23+ CLI hands BuildKit to buildx: without the plugin only the legacy builder works.
    assert.equal(useBuildKit('auto', { versionText: 'Docker version 28.2.2, build e6534b4', hasBuildx: false }, linux), false);
    assert.equal(useBuildKit('auto', { versionText: 'Docker version 28.2.2, build e6534b4', hasBuildx: true }, linux), true);
    assert.equal(useBuildKit('auto', { versionText: 'Docker version 28.2.2', hasBuildx: true }, { os: 'linux', podman: true }), false);
    assert.equal(useBuildKit('auto', { versionText: 'Docker version 20.10.24', hasBuildx: true }, { os: 'windows', podman: false }), false);
    assert.equal(useBuildKit('legacy', { versionText: 'Docker version 20.10.24', hasBuildx: true }, linux), false);
    assert.equal(useBuildKit('buildkit', { versionText: 'Docker version 28.2.2', hasBuildx: false }, linux), true);
  });

  it('builds the argument list with every value as one argument', () => {
    const { args, env } = buildCommand({
      dockerfile: '/w/app dir/Dockerfile', context: '/w/app dir', tag: 'app:dev', target: 'build',
      buildArgs: { B: 'two words', A: '1' }, extraFlags: ['--network', 'none'], buildKit: true,
    });
    assert.deepEqual(args, ['build', '-f', '/w/app dir/Dockerfile', '-t', 'app:dev', '--target', 'build',
      '--build-arg', 'A=1', '--build-arg', 'B=two words', '--network', 'none', '/w/app dir']);
    assert.equal(env.DOCKER_BUILDKIT, '1');
    assert.equal(buildCommand({ dockerfile: 'D', context: '.', tag: 't', buildKit: false }).env.DOCKER_BUILDKIT, '0');
  });

  it('checks tags and writes them as the engine lists them', () => {
    assert.equal(tagProblem('myapp:dev'), undefined);
    assert.equal(tagProblem('registry.local:5000/team/app:1.2'), undefined);
    assert.match(tagProblem('MyApp')!, /lower-case/);
    assert.match(tagProblem('my app')!, /spaces/);
    assert.match(tagProblem('')!, /name/);
    assert.equal(normalTag('myapp'), 'myapp:latest');
    assert.equal(normalTag('registry.local:5000/app'), 'registry.local:5000/app:latest');
    assert.equal(normalTag('app:dev'), 'app:dev');
  });
});
