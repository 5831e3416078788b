import { strict as assert } from 'node:assert';
import { applyFix, findings } from '../helpers';

describe('ConsistentInstructionCasing', () => {
  it('fires on the minority casing (ONBUILD triggers included) with a fix', () => {
    const text = ['FROM a:1', 'RUN x', 'run y', 'ONBUILD copy . /a'];
    const fs = findings('ConsistentInstructionCasing', text);
    assert.deepEqual(fs.map((f) => f.message.split("'")[1]), ['run', 'copy']);
    assert.equal(applyFix(text, fs[0]), 'FROM a:1\nRUN x\nRUN y\nONBUILD copy . /a\n');
  });
  it('does not fire when all instructions share a casing', () => {
    assert.deepEqual(findings('ConsistentInstructionCasing', ['from a:1', 'run x']), []);
  });
});
