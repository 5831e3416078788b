import { strict as assert } from 'node:assert';
import { applyFix, findings, lines } from '../helpers';

describe('NoEmptyContinuation', () => {
  it('fires on the instruction line BuildKit reports; the fix removes the empty line', () => {
    const text = ['FROM a:1', 'RUN a \\', '', '  && b'];
    const fs = findings('NoEmptyContinuation', text);
    assert.deepEqual(lines(fs), [2]);
    assert.match(fs[0].message, /line 3/);
    assert.equal(applyFix(text, fs[0]), 'FROM a:1\nRUN a \\\n  && b\n');
  });
  it('reports once per instruction and removes every empty line', () => {
    const text = ['FROM a:1', 'RUN a \\', '', '  && b \\', '', '  && c'];
    const fs = findings('NoEmptyContinuation', text);
    assert.deepEqual(lines(fs), [2]);
    assert.equal(applyFix(text, fs[0]), 'FROM a:1\nRUN a \\\n  && b \\\n  && c\n');
  });
  it('does not fire on comments in continuations or blank lines in heredocs', () => {
    assert.deepEqual(findings('NoEmptyContinuation', ['FROM a:1', 'RUN a \\', '# note', '  && b', 'RUN <<EOF', 'echo 1', '', 'echo 2', 'EOF']), []);
  });
});
