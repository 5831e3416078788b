import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

const cfg = { labelSchema: { x: 'email' } };

describe('DL3058', () => {
  it('fires on values that are not email', () => {
    assert.deepEqual(lines(findings('DL3058', ['FROM a:1', 'LABEL x="jane"', 'LABEL x="jane@"', 'LABEL x="a b@c.d"'], { cfg })), [2, 3, 4]);
  });
  it('does not fire on valid email values, variables, other labels, or without a schema', () => {
    assert.deepEqual(findings('DL3058', ['FROM a:1', 'LABEL x="jane@example.com"', 'LABEL x="ops.team+docker@corp.example.org"', 'LABEL x=$VALUE', 'LABEL other=nonsense'], { cfg }), []);
    assert.deepEqual(findings('DL3058', ['FROM a:1', 'LABEL x="jane"', 'LABEL x="jane@"', 'LABEL x="a b@c.d"']), []);
  });
});
