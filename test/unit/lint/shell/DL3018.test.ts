import { fires, silent } from './helpers';

describe('DL3018 unpinned apk add', () => {
  it('fires on names without a version', () => {
    fires('DL3018', ['FROM alpine:3.19', 'RUN apk add --no-cache curl']);
    fires('DL3018', ['FROM alpine:3.19', 'ONBUILD RUN apk add curl=8.5.0-r0 git']);
  });
  it('is quiet for versions, virtual package names, .apk files', () => {
    silent('DL3018', ['FROM alpine:3.19', 'RUN apk add --no-cache curl=8.5.0-r0 "git>2.40" bash~5.2']);
    silent('DL3018', ['FROM alpine:3.19', 'RUN apk add --virtual .build-deps gcc=13.2.1_git20231014-r0']);
    silent('DL3018', ['FROM alpine:3.19', 'RUN apk add --allow-untrusted /tmp/x.apk']);
    silent('DL3018', ['FROM alpine:3.19', 'RUN apk update && apk del curl']);
  });
});
