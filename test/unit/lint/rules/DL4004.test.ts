import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

describe('DL4004', () => {
  it('reports every ENTRYPOINT a later one in the same stage replaces', () => {
    const f = findings('DL4004', ['FROM a:1', 'ENTRYPOINT ["a"]', 'ENTRYPOINT b', 'CMD ["x"]', 'ENTRYPOINT ["c"]']);
    assert.deepEqual(lines(f), [2, 3]);
    assert.match(f[0].message, /only the last one \(line 5\)/);
  });
  it('does not fire for one ENTRYPOINT per stage, or ONBUILD ENTRYPOINT', () => {
    assert.deepEqual(findings('DL4004', ['FROM a:1 AS b', 'ENTRYPOINT ["a"]', 'ONBUILD ENTRYPOINT ["x"]', 'FROM b', 'ENTRYPOINT ["c"]']), []);
  });
});
