import { strict as assert } from 'node:assert';
import { applyFix, findings, lines } from '../helpers';

describe('NoEmptyContinuation', () => {
  it('fires on an empty line inside a continuation; the fix removes it', () => {
    const text = ['FROM a:1', 'RUN a \\', '', '  && b'];
    const fs = findings('NoEmptyContinuation', text);
    assert.deepEqual(lines(fs), [3]);
    assert.equal(applyFix(text, fs[0]), 'FROM a:1\nRUN a \\\n  && b\n');
  });
  it('does not fire on comments in continuations or blank lines in heredocs', () => {
    assert.deepEqual(findings('NoEmptyContinuation', ['FROM a:1', 'RUN a \\', '# note', '  && b', 'RUN <<EOF', 'echo 1', '', 'echo 2', 'EOF']), []);
  });
});
