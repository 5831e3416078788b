import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

describe('DL3023', () => {
  it('DL3023 fires when a stage copies from itself, by name or index', () => {
    assert.deepEqual(lines(findings('DL3023', ['FROM a:1 AS b', 'COPY --from=b /x /x', 'FROM a:1', 'COPY --from=1 /x /y'])), [2, 4]);
    assert.deepEqual(findings('DL3023', ['FROM a:1 AS b', 'FROM a:1 AS c', 'COPY --from=b /x /x']), []);
  });
  it('does not fire when copying from another stage', () => {
    assert.deepEqual(findings('DL3023', ['FROM a:1 AS one', 'FROM a:1 AS two', 'COPY --from=one /x /x', 'COPY --from=0 /y /y']), []);
  });
});
