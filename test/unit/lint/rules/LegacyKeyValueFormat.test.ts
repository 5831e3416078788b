import { strict as assert } from 'node:assert';
import { applyFix, findings, lines } from '../helpers';

describe('LegacyKeyValueFormat', () => {
  it('fires on ENV/LABEL key value; the fix inserts = and quotes when needed', () => {
    const text = ['FROM a:1', 'ENV LANG C.UTF-8', 'ENV MSG hello world', 'LABEL owner team-a'];
    const fs = findings('LegacyKeyValueFormat', text);
    assert.deepEqual(lines(fs), [2, 3, 4]);
    assert.equal(applyFix(text, fs[0]), 'FROM a:1\nENV LANG=C.UTF-8\nENV MSG hello world\nLABEL owner team-a\n');
    assert.equal(applyFix(text, fs[1]), 'FROM a:1\nENV LANG C.UTF-8\nENV MSG="hello world"\nLABEL owner team-a\n');
    assert.equal(applyFix(text, fs[2]), 'FROM a:1\nENV LANG C.UTF-8\nENV MSG hello world\nLABEL owner=team-a\n');
  });
  it('keeps multi-line values exact inside quotes', () => {
    const text = ['FROM a:1', 'ENV DEPS \\', '    curl \\', '    git'];
    const [f] = findings('LegacyKeyValueFormat', text);
    // The value keeps its continuation inside the quotes, so it expands exactly as before.
    assert.equal(applyFix(text, f), 'FROM a:1\nENV DEPS="curl \\\n    git"\n');
  });
  it('never fires on ARG: ARG A B declares two build arguments', () => {
    assert.deepEqual(findings('LegacyKeyValueFormat', ['FROM a:1', 'ARG TARGETOS TARGETARCH', 'ARG A B=1 C']), []);
  });
  it('does not fire on key=value', () => {
    assert.deepEqual(findings('LegacyKeyValueFormat', ['FROM a:1', 'ENV A=1 B="x y"', 'LABEL a=b', 'ARG X=1']), []);
  });
});
