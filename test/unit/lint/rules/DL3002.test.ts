import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

describe('DL3002', () => {
  it('fires when the final stage ends as root', () => {
    assert.deepEqual(lines(findings('DL3002', ['FROM alpine:3', 'USER app', 'USER root'])), [3]);
    assert.deepEqual(lines(findings('DL3002', ['FROM alpine:3', 'USER 0:0'])), [2]);
  });
  it('does not fire for a non-root last USER, a root user in an earlier stage, or no USER', () => {
    assert.deepEqual(findings('DL3002', ['FROM alpine:3', 'USER root', 'USER app']), []);
    assert.deepEqual(findings('DL3002', ['FROM alpine:3 AS b', 'USER root', 'FROM alpine:3', 'USER nobody']), []);
    assert.deepEqual(findings('DL3002', ['FROM alpine:3']), []);
  });
  it('follows a final stage built on an earlier one', () => {
    assert.deepEqual(lines(findings('DL3002', ['FROM alpine:3 AS b', 'USER root', 'FROM b', 'RUN x'])), [2]);
  });
});
