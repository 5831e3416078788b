import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

const on = { cfg: { override: { DL3057: 'info' as const } } };

describe('DL3057', () => {
  it('is off by default', () => {
    assert.deepEqual(findings('DL3057', ['FROM a:1', 'RUN x']), []);
  });
  it('fires on an image without HEALTHCHECK, and on each branch that lacks one', () => {
    assert.deepEqual(lines(findings('DL3057', ['FROM a:1'], on)), [1]);
    assert.deepEqual(lines(findings('DL3057', ['FROM a:1 AS base', 'HEALTHCHECK CMD true', 'FROM scratch'], on)), [3]);
    assert.deepEqual(lines(findings('DL3057', ['FROM a:1 AS base', 'FROM base AS one', 'HEALTHCHECK NONE', 'FROM base AS two'], on)), [4]);
  });
  it('does not fire when the image or a stage it builds on has HEALTHCHECK (NONE included)', () => {
    assert.deepEqual(findings('DL3057', ['FROM a:1', 'HEALTHCHECK NONE'], on), []);
    assert.deepEqual(findings('DL3057', ['FROM a:1 AS base', 'HEALTHCHECK CMD true', 'FROM base'], on), []);
  });
});
