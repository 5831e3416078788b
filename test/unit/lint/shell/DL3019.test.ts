import { fires, fixedAndQuiet, silent } from './helpers';

describe('DL3019 apk add without --no-cache', () => {
  it('fires without the option', () => {
    fires('DL3019', ['FROM alpine:3.19', 'RUN apk update && apk add curl=8.5.0-r0']);
    fires('DL3019', ['FROM alpine:3.19', 'ONBUILD RUN apk add curl=8.5.0-r0']);
  });
  it('is quiet with --no-cache, a cache mount, removing the cache, or an unused stage', () => {
    silent('DL3019', ['FROM alpine:3.19', 'RUN apk add --no-cache curl=1']);
    silent('DL3019', ['FROM alpine:3.19', 'RUN apk add --no-network --virtual .deps curl=1']);
    fires('DL3019', ['FROM alpine:3.19', 'RUN echo curl=1 | xargs apk add']);
    silent('DL3019', ['FROM alpine:3.19', 'RUN --mount=type=cache,target=/var/cache/apk apk add curl=1']);
    silent('DL3019', ['FROM alpine:3.19', 'RUN apk add curl=1 && rm -rf /var/cache/apk/*']);
    silent('DL3019', ['FROM alpine:3.19 AS tmp', 'RUN apk add curl=1', 'FROM alpine:3.19', 'RUN true']);
  });
  it('fix adds --no-cache after add', () => {
    fixedAndQuiet('DL3019', ['FROM alpine:3.19', 'RUN apk add \\', '  curl=1'], ['FROM alpine:3.19', 'RUN apk add --no-cache \\', '  curl=1']);
  });
});
