import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

describe('DL3007', () => {
  it('DL3007 fires on :latest but not on other tags or a digest', () => {
    assert.deepEqual(lines(findings('DL3007', ['FROM debian:latest', 'FROM debian:12', 'FROM debian:latest@sha256:' + 'b'.repeat(64)])), [1]);
  });
  it('does not fire on a pinned tag or untagged image', () => {
    assert.deepEqual(findings('DL3007', ['FROM debian:12', 'FROM debian', 'FROM scratch']), []);
  });
});
