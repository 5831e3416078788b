import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

describe('DL3044', () => {
  it('fires when a value uses a name set earlier in the same ENV', () => {
    assert.deepEqual(lines(findings('DL3044', ['FROM a:1', 'ENV A=1 B=$A', 'ENV C=1 \\', '  D=${C}/x'])), [2, 4]);
  });
  it('does not fire when the name was defined before, or on separate ENVs', () => {
    assert.deepEqual(findings('DL3044', ['FROM a:1', 'ENV A=0', 'ENV A=1 B=$A', 'ENV C=1', 'ENV D=$C', 'ENV PATH=/x:$PATH']), []);
  });
});
