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
  it('checks images read by COPY --from and RUN --mount from=, not stage names', () => {
    const cfg = { trustedRegistries: ['docker.io'] };
    const text = ['FROM alpine:3 AS build', 'COPY --from=evil.example/tools:1 /x /x', 'RUN --mount=type=bind,from=evil.example/src:1,target=/s true',
      'COPY --from=build /y /y', 'COPY --from=busybox:1 /bin/sh /sh'];
    assert.deepEqual(lines(findings('DL3026', text, { cfg })), [2, 3]);
  });
});
