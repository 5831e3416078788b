import * as assert from 'node:assert/strict';
import { covered, dockerfile, findings, fires, fixedAndQuiet, silent } from './helpers';

describe('DL3009 apt lists not removed', () => {
  it('fires on the RUN whose update created the lists (apt-get, apt, aptitude)', () => {
    const [f] = fires('DL3009', ['RUN apt-get update && apt-get install -y curl']);
    assert.equal(covered(dockerfile('RUN apt-get update && apt-get install -y curl'), f), 'apt-get update');
    fires('DL3009', ['RUN apt update && apt install -y curl']);
    fires('DL3009', ['RUN aptitude update && aptitude install -y curl']);
    fires('DL3009', ['ONBUILD RUN apt-get update && apt-get install -y curl']);
  });
  it('fires on an update-only RUN, not on the install-only RUN after it', () => {
    const text = ['RUN apt-get update', 'RUN apt-get install -y curl'];
    const [f] = fires('DL3009', text);
    assert.equal(f.range.start.line, 1);
  });
  it('never fires on an install without an update', () => {
    silent('DL3009', ['RUN apt-get install -y curl']);
    silent('DL3009', ['RUN apt-get install -y ./local.deb']);
  });
  it('fires in a stage reused by a later FROM or COPY --from, not in an unused one', () => {
    fires('DL3009', ['FROM debian:12 AS base', 'RUN apt-get update && apt-get install -y curl', 'FROM base', 'RUN true']);
    fires('DL3009', ['FROM debian:12 AS build', 'RUN apt-get update && apt-get install -y gcc', 'FROM scratch', 'COPY --from=build /x /x']);
    silent('DL3009', ['FROM debian:12 AS build', 'RUN apt-get update && apt-get install -y gcc', 'FROM scratch', 'COPY x /x']);
  });
  it('is quiet when the same RUN removes the lists, dist-cleans, or keeps them out of the layer with mounts', () => {
    silent('DL3009', ['RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*']);
    silent('DL3009', ['RUN apt-get update && apt-get install -y curl \\', '  && rm -rf /var/lib/apt/lists']);
    silent('DL3009', ['RUN apt-get update && apt-get install -y curl && apt-get dist-clean']);
    silent('DL3009', ['RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl']);
    silent('DL3009', ['RUN --mount=type=cache,target=/var/lib/apt --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y curl']);
    silent('DL3009', ['RUN --mount=type=tmpfs,target=/var/lib/apt apt-get update && apt-get install -y curl']);
  });
  it('a cache mount on only one of /var/lib/apt and /var/cache/apt is not enough', () => {
    fires('DL3009', ['RUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y curl']);
    fires('DL3009', ['RUN --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y curl']);
  });
  it('still fires when the removal is in another RUN', () => {
    fires('DL3009', ['RUN apt-get update && apt-get install -y curl', 'RUN rm -rf /var/lib/apt/lists/*']);
  });
  it('appends the removal at the end of the RUN', () => {
    fixedAndQuiet('DL3009', ['RUN apt-get update && apt-get install -y curl'],
      ['RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*']);
    fixedAndQuiet('DL3009', ['RUN apt-get update \\', '  && apt-get install -y \\', '     curl \\', '     git; \\', '  echo done'],
      ['RUN apt-get update \\', '  && apt-get install -y \\', '     curl \\', '     git; \\', '  echo done && rm -rf /var/lib/apt/lists/*']);
  });
  it('offers no fix when a later RUN on this layer installs without its own update', () => {
    const [f] = fires('DL3009', ['RUN apt-get update && apt-get install -y curl', 'RUN apt-get install -y git']);
    assert.equal(f.fixes, undefined);
    assert.match(f.message, /line 3 installs/);
    const child = findings('DL3009', dockerfile('FROM debian:12 AS base', 'RUN apt-get update', 'FROM base', 'RUN apt-get install -y git'));
    assert.equal(child[0].fixes, undefined);
  });
  it('offers the fix when later installs run their own update, or sit in an unrelated stage', () => {
    const [a] = fires('DL3009', ['RUN apt-get update && apt-get install -y curl', 'RUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*']);
    assert.ok(a.fixes?.length);
    const [b] = findings('DL3009', dockerfile('FROM debian:12 AS other', 'RUN apt-get install -y x', 'FROM debian:12', 'RUN apt-get update && apt-get install -y curl'));
    assert.ok(b.fixes?.length);
  });
  it('offers no fix for exec form or an ONBUILD trigger', () => {
    const [f] = fires('DL3009', ['RUN ["apt-get", "update"]']);
    assert.equal(f.fixes, undefined);
    const [g] = fires('DL3009', ['ONBUILD RUN apt-get update && apt-get install -y curl']);
    assert.equal(g.fixes, undefined);
  });
});
