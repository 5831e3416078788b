import * as assert from 'node:assert/strict';
import { fires, fixedAndQuiet, silent } from './helpers';

describe('DL3009 apt lists not removed', () => {
  it('fires when the final stage installs without removing the lists', () => {
    fires('DL3009', ['RUN apt-get update && apt-get install -y curl']);
    fires('DL3009', ['ONBUILD RUN apt-get update && apt-get install -y curl']);
  });
  it('fires in a stage reused by a later FROM or COPY --from, not in an unused one', () => {
    const reused = ['FROM debian:12 AS base', 'RUN apt-get update && apt-get install -y curl', 'FROM base', 'RUN true'];
    fires('DL3009', reused);
    const copied = ['FROM debian:12 AS build', 'RUN apt-get update && apt-get install -y gcc', 'FROM scratch', 'COPY --from=build /x /x'];
    fires('DL3009', copied);
    const unused = ['FROM debian:12 AS build', 'RUN apt-get update && apt-get install -y gcc', 'FROM scratch', 'COPY x /x'];
    silent('DL3009', unused);
  });
  it('is quiet when the same RUN removes the lists, dist-cleans, or mounts them as cache/tmpfs', () => {
    silent('DL3009', ['RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*']);
    silent('DL3009', ['RUN apt-get update && apt-get install -y curl \\', '  && rm -rf /var/lib/apt/lists']);
    silent('DL3009', ['RUN apt-get update && apt-get install -y curl && apt-get dist-clean']);
    silent('DL3009', ['RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl']);
    silent('DL3009', ['RUN --mount=type=tmpfs,target=/var/lib/apt apt-get update && apt-get install -y curl']);
  });
  it('is quiet when the removal is in another RUN (still fires on the install)', () => {
    fires('DL3009', ['RUN apt-get update && apt-get install -y curl', 'RUN rm -rf /var/lib/apt/lists/*']);
  });
  it('appends the removal after the install command list', () => {
    fixedAndQuiet('DL3009', ['RUN apt-get update && apt-get install -y curl'],
      ['RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*']);
  });
  it('places the fix correctly with continuations and later commands', () => {
    fixedAndQuiet('DL3009', ['RUN apt-get update \\', '  && apt-get install -y \\', '     curl \\', '     git; \\', '  echo done'],
      ['RUN apt-get update \\', '  && apt-get install -y \\', '     curl \\', '     git && rm -rf /var/lib/apt/lists/*; \\', '  echo done']);
  });
  it('offers no fix for exec form', () => {
    const [f] = fires('DL3009', ['RUN ["apt-get", "install", "-y", "curl"]']);
    assert.equal(f.fixes, undefined);
  });
});
