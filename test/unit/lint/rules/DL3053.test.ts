import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

const cfg = { labelSchema: { x: 'rfc3339' } };

describe('DL3053', () => {
  it('fires on values that are not rfc3339', () => {
    assert.deepEqual(lines(findings('DL3053', ['FROM a:1', 'LABEL x="2024-13-01"', 'LABEL x="yesterday"', 'LABEL x="2024-05-01 12:00"'], { cfg })), [2, 3, 4]);
  });
  it('does not fire on valid rfc3339 values, variables, other labels, or without a schema', () => {
    assert.deepEqual(findings('DL3053', ['FROM a:1', 'LABEL x="2024-05-01T12:00:00Z"', 'LABEL x="2024-05-01T12:00:00.5+02:00"', 'LABEL x=$VALUE', 'LABEL other=nonsense'], { cfg }), []);
    assert.deepEqual(findings('DL3053', ['FROM a:1', 'LABEL x="2024-13-01"', 'LABEL x="yesterday"', 'LABEL x="2024-05-01 12:00"']), []);
  });
});
