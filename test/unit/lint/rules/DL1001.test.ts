import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

const on = { cfg: { override: { DL1001: 'info' as const } } };

describe('DL1001', () => {
  it('is off by default', () => {
    assert.deepEqual(findings('DL1001', ['FROM a:1', '# hadolint ignore=DL3020', 'ADD x y']), []);
  });
  it('fires on each inline ignore pragma once enabled', () => {
    assert.deepEqual(lines(findings('DL1001', ['FROM a:1', '# hadolint ignore=DL3020', 'ADD x y', '# hadolint stage ignore=DL3020', 'ADD y z'], on)), [2, 4]);
  });
  it('does not fire on global pragmas, the shell pragma or plain comments', () => {
    assert.deepEqual(findings('DL1001', ['# hadolint global ignore=DL3020', '# hadolint shell=bash', 'FROM a:1', '# plain comment', 'RUN x'], on), []);
  });
  it('fires on an ignore pragma on the first line of a file without FROM (read there as a directive)', () => {
    assert.deepEqual(lines(findings('DL1001', ['# hadolint ignore=DL3059', 'RUN make', 'RUN make install'], on)), [1]);
  });
});
