import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

describe('CopyIgnoredFile', () => {
  const files: Record<string, string> = { '.dockerignore': '# comment\n*/tmp/*\nsecrets\n**/*.log\nbuild/\n' };
  // Experimental in BuildKit: on through the configuration here, through the directive below.
  const cfg = { override: { CopyIgnoredFile: 'warning' as const } };
  const readFile = (p: string) => files[p];
  it('is off by default and on with # check=experimental=CopyIgnoredFile (even beside skip=all)', () => {
    assert.deepEqual(findings('CopyIgnoredFile', ['FROM a:1', 'COPY secrets /s'], { readFile }), []);
    assert.deepEqual(lines(findings('CopyIgnoredFile', ['# check=experimental=CopyIgnoredFile', 'FROM a:1', 'COPY secrets /s'], { readFile })), [3]);
    assert.deepEqual(lines(findings('CopyIgnoredFile', ['# check=skip=all;experimental=all', 'FROM a:1', 'ADD secrets /s'], { readFile })), [3]);
  });
  it('fires on sources the .dockerignore excludes (parents, **)', () => {
    const fs = findings('CopyIgnoredFile', ['FROM a:1', 'COPY ./x/tmp/f.txt /f', 'COPY secrets/db.key /k', 'ADD deep/a/b.log /l', 'COPY build/obj /o'], { readFile, cfg });
    assert.deepEqual(lines(fs), [2, 3, 4, 5]);
  });
  it('does not fire on kept files, wildcards, --from or without .dockerignore', () => {
    assert.deepEqual(findings('CopyIgnoredFile', ['FROM a:1', 'COPY src /s', 'COPY *.log /l/', 'COPY --from=x secrets /s'], { readFile, cfg }), []);
    assert.deepEqual(findings('CopyIgnoredFile', ['FROM a:1', 'COPY secrets /s'], { cfg }), []);
  });
  it('stays silent when the .dockerignore has ! exclusions, as BuildKit does', () => {
    const rf = (p: string) => (p === '.dockerignore' ? 'secrets\nbuild/\n!build/dist\n' : undefined);
    assert.deepEqual(findings('CopyIgnoredFile', ['FROM a:1', 'COPY secrets /s', 'COPY build/obj /o'], { readFile: rf, cfg }), []);
  });
  it('with a .dockerignore of *, the context root and everything in it are excluded', () => {
    const rf = (p: string) => (p === '.dockerignore' ? '*\n' : undefined);
    assert.deepEqual(lines(findings('CopyIgnoredFile', ['FROM a:1', 'COPY . /app', 'COPY src /src'], { readFile: rf, cfg })), [2, 3]);
  });
  it('prefers <Dockerfile>.dockerignore', () => {
    const rf = (p: string) => ({ 'app.Dockerfile.dockerignore': 'only-this\n', '.dockerignore': 'secrets\n' } as Record<string, string>)[p];
    assert.deepEqual(lines(findings('CopyIgnoredFile', ['FROM a:1', 'COPY only-this /x', 'COPY secrets /s'], { readFile: rf, fileName: '/w/app.Dockerfile', cfg })), [2]);
  });
});
