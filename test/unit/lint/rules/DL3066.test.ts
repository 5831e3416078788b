import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

describe('DL3066', () => {
  it('fires on a user name, with or without a group', () => {
    assert.deepEqual(lines(findings('DL3066', ['FROM a:1', 'USER app', 'USER app:staff', 'USER nobody:65534'])), [2, 3, 4]);
  });
  it('reads a file without FROM yet', () => {
    assert.deepEqual(lines(findings('DL3066', ['USER app'])), [1]);
  });
  it('does not fire on numeric IDs or variables', () => {
    assert.deepEqual(findings('DL3066', ['FROM a:1', 'USER 10001', 'USER 10001:10001', 'USER $UID', 'USER ${UID}:${GID}']), []);
  });
});
