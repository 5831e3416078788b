import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

describe('DL3029', () => {
  it('DL3029 fires on a constant platform only', () => {
    assert.deepEqual(lines(findings('DL3029', ['FROM --platform=linux/amd64 a:1', 'FROM --platform=$BUILDPLATFORM a:1', 'FROM a:1'])), [1]);
  });
  it('does not fire on build args or no platform', () => {
    assert.deepEqual(findings('DL3029', ['FROM --platform=$BUILDPLATFORM a:1', 'FROM --platform=${TARGETPLATFORM} a:1', 'FROM a:1']), []);
  });
});
