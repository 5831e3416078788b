import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

describe('DL3050', () => {
  it('fires on labels outside the schema when strict-labels is on', () => {
    assert.deepEqual(lines(findings('DL3050', ['FROM a:1', 'LABEL author=me extra=1'], { cfg: { labelSchema: { author: 'text' }, strictLabels: true } })), [2]);
  });
  it('does not fire without strict-labels, or on schema labels', () => {
    assert.deepEqual(findings('DL3050', ['FROM a:1', 'LABEL author=me extra=1'], { cfg: { labelSchema: { author: 'text' } } }), []);
    assert.deepEqual(findings('DL3050', ['FROM a:1', 'LABEL author=me'], { cfg: { labelSchema: { author: 'text' }, strictLabels: true } }), []);
  });
});
