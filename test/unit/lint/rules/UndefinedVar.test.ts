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
  it('says the base image may define it, at level info, except for scratch', () => {
    const [hedged] = findings('UndefinedVar', ['FROM golang:1.22', 'WORKDIR $GOPATH/src']);
    assert.match(hedged.message, /unless the base image golang:1.22 sets it/);
    assert.equal(hedged.level, 'info');
    const [sure] = findings('UndefinedVar', ['FROM scratch', 'WORKDIR $GOPATH/src']);
    assert.doesNotMatch(sure.message, /base image/);
    assert.equal(sure.level, 'warning');
  });
  it('reads the base image ENV when the engine has the image', () => {
    const baseImage = (ref: string) => (ref === 'golang:1.22' ? { env: ['PATH=/usr/local/go/bin', 'GOPATH=/go'] } : undefined);
    assert.deepEqual(findings('UndefinedVar', ['FROM golang:1.22 AS b', 'WORKDIR $GOPATH/src', 'FROM b', 'COPY x $GOPATH/'], { baseImage }), []);
    const [f] = findings('UndefinedVar', ['FROM golang:1.22', 'WORKDIR $GOROOT/src'], { baseImage });
    assert.doesNotMatch(f.message, /unless/);
    assert.equal(f.level, 'warning');
  });
  it('knows ARGs declared in a parent stage', () => {
    assert.deepEqual(findings('UndefinedVar', ['FROM a:1 AS base', 'ARG VERSION=1', 'FROM base', 'COPY app-$VERSION /x']), []);
  });
  it('knows every name of a multi-name ARG', () => {
    assert.deepEqual(findings('UndefinedVar', ['FROM a:1', 'ARG TARGETOS TARGETARCH VARIANT', 'COPY bin-$VARIANT /x']), []);
  });
  it('does not look inside quoted here-documents, which BuildKit never expands', () => {
    assert.deepEqual(findings('UndefinedVar', ['FROM a:1', 'COPY <<"EOF" /etc/profile.d/x.sh', 'export P=$HOME/bin', 'EOF']), []);
    assert.deepEqual(findings('UndefinedVar', ['FROM a:1', "COPY <<-'EOF' /x.sh", '\techo $NAME', 'EOF']), []);
  });
  it('still checks an unquoted here-document', () => {
    assert.deepEqual(lines(findings('UndefinedVar', ['FROM scratch', 'COPY <<EOF /x.txt', '$NAME', 'EOF'])), [3]);
  });
});
