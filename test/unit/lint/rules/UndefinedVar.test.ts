import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

describe('UndefinedVar', () => {
  it('fires on variables no ARG/ENV defines, with a typo hint', () => {
    const fs = findings('UndefinedVar', ['FROM a:1', 'ARG VERSION=1', 'COPY $foo /x', 'ENV PATH=$PAHT:/app', 'WORKDIR /src/$VERSON']);
    assert.deepEqual(lines(fs), [3, 4, 5]);
    assert.match(fs[1].message, /did you mean \$PATH/);
    assert.match(fs[2].message, /did you mean \$VERSION/);
  });
  it('does not fire on ARG/ENV in scope, predefined args, defaults, RUN, or ENV inherited from a parent stage', () => {
    assert.deepEqual(findings('UndefinedVar', [
      'FROM a:1 AS base', 'ENV APP=/app', 'FROM base', 'ARG V', 'COPY $V ${APP}/ /x', 'WORKDIR ${UNSET:-/tmp}',
      'RUN echo $ANYTHING', 'ENV P=$PATH:$TARGETARCH:$http_proxy', 'ENV A=1 B=$A',
    ]), []);
  });
  it('global ARGs are not in scope inside a stage unless redeclared', () => {
    assert.deepEqual(lines(findings('UndefinedVar', ['ARG V=1', 'FROM a:$V', 'COPY $V /x'])), [3]);
  });
  it('says the base image may define it, except for scratch', () => {
    assert.match(findings('UndefinedVar', ['FROM golang:1.22', 'WORKDIR $GOPATH/src'])[0].message, /unless the base image golang:1.22 sets it/);
    assert.doesNotMatch(findings('UndefinedVar', ['FROM scratch', 'WORKDIR $GOPATH/src'])[0].message, /base image/);
  });
});
