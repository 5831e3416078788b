import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

describe('DL3024', () => {
  it('fires on the second use, case-insensitively', () => {
    assert.deepEqual(lines(findings('DL3024', ['FROM a:1 AS build', 'FROM a:1 AS Build'])), [2]);
    assert.deepEqual(findings('DL3024', ['FROM a:1 AS build', 'FROM a:1 AS test']), []);
  });
  it('does not fire on unnamed stages', () => {
    assert.deepEqual(findings('DL3024', ['FROM a:1', 'FROM a:1', 'FROM b:1 AS b']), []);
  });
});
