import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

describe('DL3063', () => {
  it('fires on scratch and context', () => {
    assert.deepEqual(lines(findings('DL3063', ['FROM a:1 AS scratch', 'FROM a:1 AS Context', 'FROM a:1 AS ok'])), [1, 2]);
  });
  it('does not fire on ordinary stage names', () => {
    assert.deepEqual(findings('DL3063', ['FROM a:1 AS scratchpad', 'FROM a:1 AS build', 'FROM scratch']), []);
  });
});
