import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

const cfg = { labelSchema: { x: 'semver' } };

describe('DL3056', () => {
  it('fires on values that are not semver', () => {
    assert.deepEqual(lines(findings('DL3056', ['FROM a:1', 'LABEL x="1.2"', 'LABEL x="v1.2.3.4"', 'LABEL x="01.2.3"'], { cfg })), [2, 3, 4]);
  });
  it('does not fire on valid semver values, variables, other labels, or without a schema', () => {
    assert.deepEqual(findings('DL3056', ['FROM a:1', 'LABEL x="1.2.3"', 'LABEL x="1.0.0-rc.1+build.5"', 'LABEL x="v2.0.0"', 'LABEL x=$VALUE', 'LABEL other=nonsense'], { cfg }), []);
    assert.deepEqual(findings('DL3056', ['FROM a:1', 'LABEL x="1.2"', 'LABEL x="v1.2.3.4"', 'LABEL x="01.2.3"']), []);
  });
});
