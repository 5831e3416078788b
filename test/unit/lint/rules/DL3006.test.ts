import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

describe('DL3006', () => {
  it('DL3006 fires on an untagged image', () => {
    assert.deepEqual(lines(findings('DL3006', ['FROM debian'])), [1]);
    assert.deepEqual(lines(findings('DL3006', ['FROM registry.local:5000/team/app'])), [1]);
  });
  it('DL3006 does not fire on tags, digests, scratch, stage names or variables', () => {
    assert.deepEqual(findings('DL3006', [
      'FROM debian:12 AS base', 'FROM registry.local:5000/app:1', 'FROM app@sha256:' + 'a'.repeat(64), 'FROM scratch', 'FROM base', 'ARG X', 'FROM $X',
    ]), []);
  });
});
