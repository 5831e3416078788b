import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

describe('DL4003', () => {
  const df = ['FROM a:1', 'CMD ["a"]', 'ENTRYPOINT ["b"]', 'HEALTHCHECK CMD ["c"]', 'CMD ["d"]', 'ENTRYPOINT ["e"]', 'HEALTHCHECK NONE'];
  it('reports a CMD a later one replaces, tagged unnecessary', () => {
    const f = findings('DL4003', df);
    assert.deepEqual(lines(f), [2]);
    assert.deepEqual(f[0].tags, ['unnecessary']);
  });
  it('counts per stage, and the CMD inside HEALTHCHECK is not a CMD', () => {
    assert.deepEqual(findings('DL4003', ['FROM a:1 AS x', 'CMD ["a"]', 'FROM a:1', 'HEALTHCHECK CMD true', 'CMD ["b"]']), []);
  });
  it('MultipleInstructionsDisallowed skips all three rules', () => {
    const text = ['# check=skip=MultipleInstructionsDisallowed', ...df];
    assert.deepEqual([...findings('DL4003', text), ...findings('DL4004', text), ...findings('DL3012', text)], []);
  });
});
