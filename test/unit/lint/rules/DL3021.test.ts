import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

describe('DL3021', () => {
  it('fires when the destination lacks a trailing slash (shell and JSON form)', () => {
    assert.deepEqual(lines(findings('DL3021', ['FROM a:1', 'COPY a b /dest', 'COPY ["a", "b", "/dest"]'])), [2, 3]);
  });
  it('does not fire on one source, a directory destination, or a variable', () => {
    assert.deepEqual(findings('DL3021', ['FROM a:1', 'COPY a /dest', 'COPY a b /dest/', 'COPY a b $DEST', 'COPY --chown=1:1 a /d']), []);
  });
});
