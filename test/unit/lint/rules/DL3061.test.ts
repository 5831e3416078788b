import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

describe('DL3061', () => {
  it('fires when something other than FROM/ARG comes first', () => {
    assert.deepEqual(lines(findings('DL3061', ['ARG V=1', 'RUN echo', 'FROM a:1'])), [2]);
  });
  it('does not fire when ARGs precede FROM', () => {
    assert.deepEqual(findings('DL3061', ['# c', 'ARG V=1', 'FROM a:$V']), []);
  });
});
