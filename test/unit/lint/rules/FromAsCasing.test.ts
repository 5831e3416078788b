import { strict as assert } from 'node:assert';
import { applyFix, findings, lines } from '../helpers';

describe('FromAsCasing', () => {
  it('fires when AS does not match FROM; the fix matches it', () => {
    const text = ['FROM a:1 as x', 'from a:1 AS y'];
    const fs = findings('FromAsCasing', text);
    assert.deepEqual(lines(fs), [1, 2]);
    assert.equal(applyFix(text, fs[0]), 'FROM a:1 AS x\nfrom a:1 AS y\n');
    assert.equal(applyFix(text, fs[1]), 'FROM a:1 as x\nfrom a:1 as y\n');
  });
  it('does not fire on matching casing', () => {
    assert.deepEqual(findings('FromAsCasing', ['FROM a:1 AS x', 'from a:1 as y']), []);
  });
});
