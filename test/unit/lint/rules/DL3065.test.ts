import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

describe('DL3065', () => {
  it('DL3065 fires on $TARGETPLATFORM / ${TARGETPLATFORM} only', () => {
    assert.deepEqual(lines(findings('DL3065', ['FROM --platform=$TARGETPLATFORM a:1', 'FROM --platform=${TARGETPLATFORM} a:1', 'FROM --platform=$BUILDPLATFORM a:1'])), [1, 2]);
  });
  it('does not fire on other platform values', () => {
    assert.deepEqual(findings('DL3065', ['FROM --platform=$BUILDPLATFORM a:1', 'FROM --platform=linux/arm64 a:1', 'FROM a:1']), []);
  });
});
