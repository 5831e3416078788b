import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

const cfg = { labelSchema: { author: 'text' } };

describe('DL3051', () => {
  it('fires on an empty schema label', () => {
    assert.deepEqual(lines(findings('DL3051', ['FROM a:1', 'LABEL author=""', 'LABEL author=" "'], { cfg })), [2, 3]);
  });
  it('does not fire on filled schema labels or empty labels outside the schema', () => {
    assert.deepEqual(findings('DL3051', ['FROM a:1', 'LABEL author=me other=""'], { cfg }), []);
  });
});
