import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

describe('DL3012', () => {
  it('reports a HEALTHCHECK replaced later in the stage (NONE counts as one)', () => {
    assert.deepEqual(lines(findings('DL3012', ['FROM a:1', 'HEALTHCHECK CMD ["a"]', 'HEALTHCHECK NONE'])), [2]);
  });
  it('does not fire for one HEALTHCHECK per stage', () => {
    assert.deepEqual(findings('DL3012', ['FROM a:1 AS x', 'HEALTHCHECK CMD ["a"]', 'FROM a:1', 'HEALTHCHECK --interval=5s CMD ["b"]', 'CMD ["c"]']), []);
  });
});
