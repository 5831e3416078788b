import { strict as assert } from 'node:assert';
import { applyFix, findings, lines } from '../helpers';

describe('StageNameCasing', () => {
  it('fires on a mixed-case stage name; the fix renames it and its references', () => {
    const text = ['FROM a:1 AS Builder', 'RUN make', 'FROM Builder AS Test', 'COPY --from=Builder /o /o', 'RUN --mount=type=cache,from=builder,target=/c true', 'FROM a:1', 'COPY --from=BUILDER /o /o'];
    const fs = findings('StageNameCasing', text);
    assert.deepEqual(lines(fs), [1, 3]);
    assert.equal(applyFix(text, fs[0]), [
      'FROM a:1 AS builder', 'RUN make', 'FROM builder AS Test', 'COPY --from=builder /o /o', 'RUN --mount=type=cache,from=builder,target=/c true', 'FROM a:1', 'COPY --from=builder /o /o', '',
    ].join('\n'));
  });
  it('does not fire on lowercase names', () => {
    assert.deepEqual(findings('StageNameCasing', ['FROM a:1 AS build-1']), []);
  });
});

describe('FromAsCasing', () => {
  it('fires when AS does not match FROM; the fix matches it', () => {
    const text = ['FROM a:1 as x', 'from a:1 AS y'];
    const fs = findings('FromAsCasing', text);
    assert.deepEqual(lines(fs), [1, 2]);
    assert.equal(applyFix(text, fs[0]), 'FROM a:1 AS x\nfrom a:1 AS y\n');
    assert.equal(applyFix(text, fs[1]), 'FROM a:1 as x\nfrom a:1 as y\n');
  });
  it('does not fire on matching casing', () => {
    assert.deepEqual(findings('FromAsCasing', ['FROM a:1 AS x', 'from a:1 as y']), []);
  });
});

describe('ConsistentInstructionCasing', () => {
  it('fires on the minority casing (ONBUILD triggers included) with a fix', () => {
    const text = ['FROM a:1', 'RUN x', 'run y', 'ONBUILD copy . /a'];
    const fs = findings('ConsistentInstructionCasing', text);
    assert.deepEqual(fs.map((f) => f.message.split("'")[1]), ['run', 'copy']);
    assert.equal(applyFix(text, fs[0]), 'FROM a:1\nRUN x\nRUN y\nONBUILD copy . /a\n');
  });
  it('does not fire when all instructions share a casing', () => {
    assert.deepEqual(findings('ConsistentInstructionCasing', ['from a:1', 'run x']), []);
  });
});

describe('NoEmptyContinuation', () => {
  it('fires on an empty line inside a continuation; the fix removes it', () => {
    const text = ['FROM a:1', 'RUN a \\', '', '  && b'];
    const fs = findings('NoEmptyContinuation', text);
    assert.deepEqual(lines(fs), [3]);
    assert.equal(applyFix(text, fs[0]), 'FROM a:1\nRUN a \\\n  && b\n');
  });
  it('does not fire on comments in continuations or blank lines in heredocs', () => {
    assert.deepEqual(findings('NoEmptyContinuation', ['FROM a:1', 'RUN a \\', '# note', '  && b', 'RUN <<EOF', 'echo 1', '', 'echo 2', 'EOF']), []);
  });
});

describe('LegacyKeyValueFormat', () => {
  it('fires on ENV/LABEL key value; the fix inserts = and quotes when needed', () => {
    const text = ['FROM a:1', 'ENV LANG C.UTF-8', 'ENV MSG hello world', 'LABEL owner team-a'];
    const fs = findings('LegacyKeyValueFormat', text);
    assert.deepEqual(lines(fs), [2, 3, 4]);
    assert.equal(applyFix(text, fs[0]), 'FROM a:1\nENV LANG=C.UTF-8\nENV MSG hello world\nLABEL owner team-a\n');
    assert.equal(applyFix(text, fs[1]), 'FROM a:1\nENV LANG C.UTF-8\nENV MSG="hello world"\nLABEL owner team-a\n');
    assert.equal(applyFix(text, fs[2]), 'FROM a:1\nENV LANG C.UTF-8\nENV MSG hello world\nLABEL owner=team-a\n');
  });
  it('keeps multi-line values exact inside quotes', () => {
    const text = ['FROM a:1', 'ENV DEPS \\', '    curl \\', '    git'];
    const [f] = findings('LegacyKeyValueFormat', text);
    // The value keeps its continuation inside the quotes, so it expands exactly as before.
    assert.equal(applyFix(text, f), 'FROM a:1\nENV DEPS="curl \\\n    git"\n');
  });
  it('does not fire on key=value', () => {
    assert.deepEqual(findings('LegacyKeyValueFormat', ['FROM a:1', 'ENV A=1 B="x y"', 'LABEL a=b', 'ARG X=1']), []);
  });
});

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
});

describe('UndefinedArgInFrom / InvalidDefaultArgInFrom', () => {
  it('UndefinedArgInFrom fires on undeclared ARGs in FROM, not on declared or predefined ones', () => {
    assert.deepEqual(lines(findings('UndefinedArgInFrom', ['ARG TAG=1', 'FROM a:$TAG', 'FROM node:22${VARIANT}', 'FROM --platform=$BUILDPLATFORM a:1'])), [3]);
  });
  it('InvalidDefaultArgInFrom fires when defaults give an empty or invalid image', () => {
    assert.deepEqual(lines(findings('InvalidDefaultArgInFrom', ['ARG TAG', 'ARG IMG', 'FROM busybox:${TAG}', 'FROM $IMG'])), [3, 4]);
  });
  it('InvalidDefaultArgInFrom accepts valid defaults, empty suffixes and :- defaults', () => {
    assert.deepEqual(findings('InvalidDefaultArgInFrom', ['ARG TAG=latest', 'ARG V', 'ARG T2', 'FROM busybox:${TAG}', 'FROM busybox:stable${V}', 'FROM alpine:${T2:-3.14}']), []);
  });
});

describe('ExposeProtoCasing / ExposeInvalidFormat', () => {
  it('ExposeProtoCasing fires on uppercase protocols with a fix', () => {
    const text = ['FROM a:1', 'EXPOSE 80/TCP 53/udp'];
    const fs = findings('ExposeProtoCasing', text);
    assert.deepEqual(lines(fs), [2]);
    assert.equal(applyFix(text, fs[0]), 'FROM a:1\nEXPOSE 80/tcp 53/udp\n');
  });
  it('ExposeInvalidFormat fires on IPs and host mappings only', () => {
    assert.deepEqual(lines(findings('ExposeInvalidFormat', ['FROM a:1', 'EXPOSE 127.0.0.1:80:80', 'EXPOSE 8080:80/tcp', 'EXPOSE 80 443/tcp'])), [2, 3]);
  });
});

describe('CopyIgnoredFile', () => {
  const files: Record<string, string> = { '.dockerignore': '# comment\n*/tmp/*\nsecrets\n**/*.log\n!keep.log\nbuild/\n!build/dist\n' };
  const readFile = (p: string) => files[p];
  it('fires on sources the .dockerignore excludes (parents, **, last match wins)', () => {
    const fs = findings('CopyIgnoredFile', ['FROM a:1', 'COPY ./x/tmp/f.txt /f', 'COPY secrets/db.key /k', 'ADD deep/a/b.log /l', 'COPY build/obj /o'], { readFile });
    assert.deepEqual(lines(fs), [2, 3, 4, 5]);
  });
  it('does not fire on kept files, re-included files, wildcards, --from or without .dockerignore', () => {
    assert.deepEqual(findings('CopyIgnoredFile', ['FROM a:1', 'COPY keep.log /l', 'COPY build/dist /d', 'COPY src /s', 'COPY *.log /l/', 'COPY --from=x secrets /s'], { readFile }), []);
    assert.deepEqual(findings('CopyIgnoredFile', ['FROM a:1', 'COPY secrets /s']), []);
  });
  it('prefers <Dockerfile>.dockerignore', () => {
    const rf = (p: string) => ({ 'app.Dockerfile.dockerignore': 'only-this\n', '.dockerignore': 'secrets\n' } as Record<string, string>)[p];
    assert.deepEqual(lines(findings('CopyIgnoredFile', ['FROM a:1', 'COPY only-this /x', 'COPY secrets /s'], { readFile: rf, fileName: '/w/app.Dockerfile' })), [2]);
  });
});
