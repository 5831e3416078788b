import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

describe('DL3029', () => {
  it('DL3029 fires on a constant platform only', () => {
    assert.deepEqual(lines(findings('DL3029', ['FROM --platform=linux/amd64 a:1', 'FROM --platform=$BUILDPLATFORM a:1', 'FROM a:1'])), [1]);
  });
  it('does not fire on build args or no platform', () => {
    assert.deepEqual(findings('DL3029', ['FROM --platform=$BUILDPLATFORM a:1', 'FROM --platform=${TARGETPLATFORM} a:1', 'FROM a:1']), []);
  });
  it('exempts stages named after the platform, as BuildKit does', () => {
    assert.deepEqual(findings('DL3029', ['FROM --platform=linux/amd64 a:1 AS build_amd64', 'FROM --platform=linux/arm64 a:1 AS build-arm64', 'FROM --platform=windows/amd64 b:1 AS windows-tools']), []);
    assert.deepEqual(lines(findings('DL3029', ['FROM --platform=linux/arm64 a:1 AS build_x86'])), [1]);
  });
});
