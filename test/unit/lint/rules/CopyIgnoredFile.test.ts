import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

describe('CopyIgnoredFile', () => {
  const files: Record<string, string> = { '.dockerignore': '# comment\n*/tmp/*\nsecrets\n**/*.log\n!keep.log\nbuild/\n!build/dist\n' };
  const readFile = (p: string) => files[p];
  it('fires on sources the .dockerignore excludes (parents, **, last match wins)', () => {
    const fs = findings('CopyIgnoredFile', ['FROM a:1', 'COPY ./x/tmp/f.txt /f', 'COPY secrets/db.key /k', 'ADD deep/a/b.log /l', 'COPY build/obj /o'], { readFile });
    assert.deepEqual(lines(fs), [2, 3, 4, 5]);
  });
  it('does not fire on kept files, re-included files, wildcards, --from or without .dockerignore', () => {
    assert.deepEqual(findings('CopyIgnoredFile', ['FROM a:1', 'COPY keep.log /l', 'COPY build/dist /d', 'COPY src /s', 'COPY *.log /l/', 'COPY --from=x secrets /s'], { readFile }), []);
    assert.deepEqual(findings('CopyIgnoredFile', ['FROM a:1', 'COPY secrets /s']), []);
  });
  it('prefers <Dockerfile>.dockerignore', () => {
    const rf = (p: string) => ({ 'app.Dockerfile.dockerignore': 'only-this\n', '.dockerignore': 'secrets\n' } as Record<string, string>)[p];
    assert.deepEqual(lines(findings('CopyIgnoredFile', ['FROM a:1', 'COPY only-this /x', 'COPY secrets /s'], { readFile: rf, fileName: '/w/app.Dockerfile' })), [2]);
  });
});
