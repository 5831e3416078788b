import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

describe('DL3045', () => {
  it('fires without WORKDIR in the stage', () => {
    assert.deepEqual(lines(findings('DL3045', ['FROM a:1', 'COPY app .', 'COPY x y/'])), [2, 3]);
  });
  it('does not fire after WORKDIR (own or parent stage) or with absolute destinations', () => {
    assert.deepEqual(findings('DL3045', ['FROM a:1 AS b', 'COPY x /abs/', 'WORKDIR /w', 'COPY x .', 'FROM b', 'COPY y .']), []);
  });
});
