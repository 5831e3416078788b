import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

describe('DL3002', () => {
  it('fires when the final stage ends as root', () => {
    assert.deepEqual(lines(findings('DL3002', ['FROM alpine:3', 'USER app', 'USER root'])), [3]);
    assert.deepEqual(lines(findings('DL3002', ['FROM alpine:3', 'USER 0:0'])), [2]);
  });
  it('does not fire for a non-root last USER, a stage that switches back, or no USER', () => {
    assert.deepEqual(findings('DL3002', ['FROM alpine:3', 'USER root', 'USER app']), []);
    assert.deepEqual(findings('DL3002', ['FROM alpine:3 AS b', 'USER root', 'USER app', 'FROM alpine:3', 'RUN x']), []);
    assert.deepEqual(findings('DL3002', ['FROM alpine:3']), []);
  });
  it('fires per stage: an earlier stage that ends as root', () => {
    assert.deepEqual(lines(findings('DL3002', ['FROM alpine:3 AS b', 'USER root', 'FROM alpine:3', 'USER nobody'])), [2]);
  });
  it('reads a file without FROM yet', () => {
    assert.deepEqual(lines(findings('DL3002', ['USER root'])), [1]);
  });
  it('follows a final stage built on an earlier one', () => {
    assert.deepEqual(lines(findings('DL3002', ['FROM alpine:3 AS b', 'USER root', 'FROM b', 'RUN x'])), [2]);
  });
});
