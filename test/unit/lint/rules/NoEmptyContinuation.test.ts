import { strict as assert } from 'node:assert';
import { applyFix, findings, lines } from '../helpers';

describe('NoEmptyContinuation', () => {
  it('fires on the line where the continuation ends, as BuildKit reports it; the fix removes the empty line', () => {
    const text = ['FROM a:1', 'RUN a \\', '', '  && b'];
    const fs = findings('NoEmptyContinuation', text);
    assert.deepEqual(lines(fs), [4]);
    assert.deepEqual(fs[0].range, { start: { line: 3, character: 2 }, end: { line: 3, character: 6 } });
    assert.match(fs[0].message, /line 3/);
    assert.equal(applyFix(text, fs[0]), 'FROM a:1\nRUN a \\\n  && b\n');
  });
  it('reports once per instruction and removes every empty line', () => {
    const text = ['FROM a:1', 'RUN a \\', '', '  && b \\', '', '  && c'];
    const fs = findings('NoEmptyContinuation', text);
    assert.deepEqual(lines(fs), [6]);
    assert.equal(applyFix(text, fs[0]), 'FROM a:1\nRUN a \\\n  && b \\\n  && c\n');
  });
  it('a trailing comment line or a heredoc body does not move the reported line', () => {
    assert.deepEqual(lines(findings('NoEmptyContinuation', ['FROM a:1', 'COPY <<EOF \\', '', '  /dst', 'body', 'EOF'])), [4]);
    assert.deepEqual(lines(findings('NoEmptyContinuation', ['FROM a:1', 'ENV A=1 \\', '', '  B=2 \\', '# the end', '  C=3'])), [6]);
  });
  it('does not fire on comments in continuations or blank lines in heredocs', () => {
    assert.deepEqual(findings('NoEmptyContinuation', ['FROM a:1', 'RUN a \\', '# note', '  && b', 'RUN <<EOF', 'echo 1', '', 'echo 2', 'EOF']), []);
  });
});
