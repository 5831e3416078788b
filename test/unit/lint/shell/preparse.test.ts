// The RUN scripts read ahead (in the editor: a worker thread) give the lint exactly the findings it
// finds on its own, after the structured clone a worker's message makes of them.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lintDockerfile } from '../../../../src/lint/index';
import { preparseRuns } from '../../../../src/lint/shell/preparse';

const CORPUS = resolve(__dirname, '../../../../../shared/corpus/dockerfiles');

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out); else out.push(p);
  }
  return out;
}

const sameWithPreparse = (text: string, label: string) => {
  const runShells = structuredClone(preparseRuns(text));
  assert.deepEqual(lintDockerfile(text, { runShells }), lintDockerfile(text), label);
};

describe('shell preparse', function () {
  this.timeout(120000);

  it('gives the same findings as the lint alone on every corpus file', () => {
    const files = walk(CORPUS);
    assert.equal(files.length, 248, `expected the 248 corpus files under ${CORPUS}`);
    for (const f of files) sameWithPreparse(readFileSync(f, 'utf8'), f);
  });

  it('keys ONBUILD RUN, heredocs, exec form and a byte order mark as the lint reads them', () => {
    const text = [
      '\ufeffFROM debian:12', 'ONBUILD RUN sudo apt-get install curl', 'RUN ["sh", "-c", "cd /x && sudo make"]',
      'RUN <<EOF', 'apt-get update', 'apt-get install -y wget', 'EOF', 'RUN pip install flask | tee log', '',
    ].join('\n');
    const runs = preparseRuns(text);
    assert.equal(runs.size, 4);
    sameWithPreparse(text, 'mixed');
  });

  it('is what the lint uses: a model seeded at a RUN\'s offset replaces its own reading', () => {
    const text = 'FROM debian:12\nRUN echo hi\n';
    const codes = (runShells?: ReturnType<typeof preparseRuns>) => lintDockerfile(text, { runShells }).map((f) => f.code);
    assert.ok(!codes().includes('DL3004'));
    assert.ok(codes(preparseRuns('FROM debian:12\nRUN sudo ls\n')).includes('DL3004'), 'the seeded model (sudo) is read');
    // Offsets that start no RUN of this text change nothing.
    assert.deepEqual(codes(preparseRuns('FROM debian:12\n\nRUN sudo ls\n')), codes());
  });
});
