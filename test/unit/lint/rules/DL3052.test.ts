import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

const cfg = { labelSchema: { x: 'url' } };

describe('DL3052', () => {
  it('fires on values that are not url', () => {
    assert.deepEqual(lines(findings('DL3052', ['FROM a:1', 'LABEL x="http://x y"', 'LABEL x="not a url"', 'LABEL x="www.example.com"'], { cfg })), [2, 3, 4]);
  });
  it('does not fire on valid url values, variables, other labels, or without a schema', () => {
    assert.deepEqual(findings('DL3052', ['FROM a:1', 'LABEL x="https://example.com/repo"', 'LABEL x="http://localhost:8080/x"', 'LABEL x=$VALUE', 'LABEL other=nonsense'], { cfg }), []);
    assert.deepEqual(findings('DL3052', ['FROM a:1', 'LABEL x="http://x y"', 'LABEL x="not a url"', 'LABEL x="www.example.com"']), []);
  });
});
