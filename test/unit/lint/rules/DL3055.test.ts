import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

const cfg = { labelSchema: { x: 'hash' } };

describe('DL3055', () => {
  it('fires on values that are not hash', () => {
    assert.deepEqual(lines(findings('DL3055', ['FROM a:1', 'LABEL x="xyz123"', 'LABEL x="abc"', 'LABEL x="ABCDEF1234567"'], { cfg })), [2, 3, 4]);
  });
  it('does not fire on valid hash values, variables, other labels, or without a schema', () => {
    assert.deepEqual(findings('DL3055', ['FROM a:1', 'LABEL x="0f1e2d3"', 'LABEL x="4b825dc642cb6eb9a060e54bf8d69288fbee4904"', 'LABEL x=$VALUE', 'LABEL other=nonsense'], { cfg }), []);
    assert.deepEqual(findings('DL3055', ['FROM a:1', 'LABEL x="xyz123"', 'LABEL x="abc"', 'LABEL x="ABCDEF1234567"']), []);
  });
});
