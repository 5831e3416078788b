import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

const cfg = { labelSchema: { author: 'text', version: 'semver' } };

describe('DL3049', () => {
  it('fires once per schema label missing from the final image', () => {
    const f = findings('DL3049', ['FROM a:1 AS b', 'LABEL author=me version=1.0.0', 'FROM a:1', 'LABEL author=me'], { cfg });
    assert.deepEqual(lines(f), [3]);
    assert.match(f[0].message, /'version'/);
  });
  it('fires per stage, also for an earlier stage', () => {
    assert.deepEqual(lines(findings('DL3049', ['FROM a:1', 'FROM a:1', 'LABEL author=me version=1.0.0'], { cfg })), [1, 1]);
    assert.deepEqual(lines(findings('DL3049', ['FROM a:1 AS b', 'FROM b', 'LABEL author=me version=1.0.0'], { cfg })), [1, 1]);
  });
  it('does not fire when the labels are present (also through a parent stage) or without a schema', () => {
    assert.deepEqual(findings('DL3049', ['FROM a:1 AS b', 'LABEL author=me version=1.0.0', 'FROM b'], { cfg }), []);
    assert.deepEqual(findings('DL3049', ['FROM a:1']), []);
  });
});
