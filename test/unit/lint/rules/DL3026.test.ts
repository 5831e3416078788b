import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

describe('DL3026', () => {
  it('is silent without configuration', () => {
    assert.deepEqual(findings('DL3026', ['FROM evil.example/x:1']), []);
  });
  it('fires on untrusted registries when configured', () => {
    const cfg = { trustedRegistries: ['docker.io', '*.corp.example'] };
    assert.deepEqual(lines(findings('DL3026', ['FROM evil.example/x:1', 'FROM alpine:3', 'FROM r.corp.example/a:1', 'FROM scratch'], { cfg })), [1]);
  });
});
