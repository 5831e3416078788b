import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

const cfg = { labelSchema: { x: 'spdx' } };

describe('DL3054', () => {
  it('fires on values that are not spdx', () => {
    assert.deepEqual(lines(findings('DL3054', ['FROM a:1', 'LABEL x="MIT OR"', 'LABEL x="Apache 2.0"', 'LABEL x="(MIT"'], { cfg })), [2, 3, 4]);
  });
  it('does not fire on valid spdx values, variables, other labels, or without a schema', () => {
    assert.deepEqual(findings('DL3054', ['FROM a:1', 'LABEL x="MIT"', 'LABEL x="Apache-2.0 OR MIT"', 'LABEL x="(GPL-2.0-only WITH Classpath-exception-2.0) AND BSD-3-Clause"', 'LABEL x=$VALUE', 'LABEL other=nonsense'], { cfg }), []);
    assert.deepEqual(findings('DL3054', ['FROM a:1', 'LABEL x="MIT OR"', 'LABEL x="Apache 2.0"', 'LABEL x="(MIT"']), []);
  });
  it('checks ids against the SPDX licence list, not only the syntax', () => {
    assert.deepEqual(lines(findings('DL3054', ['FROM a:1', 'LABEL x="Foo-1.0"', 'LABEL x="MIT OR Acme-License"', 'LABEL x="MIT WITH Bogus-exception"'], { cfg })), [2, 3, 4]);
    assert.deepEqual(findings('DL3054', ['FROM a:1', 'LABEL x="mit"', 'LABEL x="LicenseRef-acme"', 'LABEL x="GPL-2.0+"'], { cfg }), []);
  });
});
