import { strict as assert } from 'node:assert';
import { applyFix, findings, lines } from '../helpers';

describe('DL3020 ADD where COPY fits', () => {
  it('fires on local files and .zip (not extracted)', () => {
    assert.deepEqual(lines(findings('DL3020', ['FROM a:1', 'ADD app.py /srv/', 'ADD site.zip /srv/', 'ONBUILD ADD . /app'])), [2, 3, 4]);
  });
  it('does not fire on archives, URLs or git sources', () => {
    assert.deepEqual(findings('DL3020', ['FROM a:1', 'ADD rootfs.tar.gz /', 'ADD x.tgz x.tar.xz /o/', 'ADD https://e.example/f /f', 'ADD git@host:r.git /r', 'ADD ["b.tar.zst", "/"]']), []);
  });
});

describe('DL3021 COPY several sources to a file', () => {
  it('fires when the destination lacks a trailing slash (shell and JSON form)', () => {
    assert.deepEqual(lines(findings('DL3021', ['FROM a:1', 'COPY a b /dest', 'COPY ["a", "b", "/dest"]'])), [2, 3]);
  });
  it('does not fire on one source, a directory destination, or a variable', () => {
    assert.deepEqual(findings('DL3021', ['FROM a:1', 'COPY a /dest', 'COPY a b /dest/', 'COPY a b $DEST', 'COPY --chown=1:1 a /d']), []);
  });
});

describe('DL3022 / DL3023 COPY --from', () => {
  it('DL3022 fires on unknown stage names, later stages and out-of-range indexes', () => {
    assert.deepEqual(lines(findings('DL3022', ['FROM a:1 AS one', 'COPY --from=nope /x /x', 'COPY --from=5 /x /x', 'COPY --from=two /x /x', 'FROM a:1 AS two'])), [2, 3, 4]);
  });
  it('DL3022 accepts earlier stages (any case), indexes and image references', () => {
    assert.deepEqual(findings('DL3022', [
      'FROM a:1 AS Build', 'FROM a:1', 'COPY --from=build /x /x', 'COPY --from=0 /x /x', 'COPY --from=nginx:1.25 /x /x',
      'COPY --from=ghcr.io/o/img /x /x', 'COPY --from=$STAGE /x /x',
    ]), []);
  });
  it('DL3023 fires when a stage copies from itself, by name or index', () => {
    assert.deepEqual(lines(findings('DL3023', ['FROM a:1 AS b', 'COPY --from=b /x /x', 'FROM a:1', 'COPY --from=1 /x /y'])), [2, 4]);
    assert.deepEqual(findings('DL3023', ['FROM a:1 AS b', 'FROM a:1 AS c', 'COPY --from=b /x /x']), []);
  });
});

describe('DL3024 duplicate stage names', () => {
  it('fires on the second use, case-insensitively', () => {
    assert.deepEqual(lines(findings('DL3024', ['FROM a:1 AS build', 'FROM a:1 AS Build'])), [2]);
    assert.deepEqual(findings('DL3024', ['FROM a:1 AS build', 'FROM a:1 AS test']), []);
  });
});

describe('DL3025 JSON form for CMD / ENTRYPOINT / HEALTHCHECK CMD', () => {
  it('fires on shell form, including ONBUILD CMD and HEALTHCHECK CMD', () => {
    assert.deepEqual(lines(findings('DL3025', ['FROM a:1', 'CMD node server.js', 'ENTRYPOINT run.sh', 'HEALTHCHECK --interval=5s CMD curl -f http://x/', 'ONBUILD CMD x'])), [2, 3, 4, 5]);
  });
  it('does not fire on JSON form, HEALTHCHECK NONE, or a PowerShell stage', () => {
    assert.deepEqual(findings('DL3025', ['FROM a:1', 'CMD ["node", "s.js"]', 'HEALTHCHECK NONE', 'HEALTHCHECK CMD ["true"]']), []);
    assert.deepEqual(findings('DL3025', ['FROM a:1', 'SHELL ["powershell", "-Command"]', 'CMD Write-Host hi']), []);
  });
  it('fix: plain words become a JSON array with correct escaping', () => {
    const text = ['FROM a:1', `CMD node "my app.js" --name 'x"y'`];
    const [f] = findings('DL3025', text);
    assert.equal(applyFix(text, f), 'FROM a:1\nCMD ["node", "my app.js", "--name", "x\\"y"]\n');
    assert.equal(f.fixes![0].preferred, true);
  });
  it('fix: commands needing a shell keep it explicitly', () => {
    const text = ['FROM a:1', 'CMD echo "$HOME" && \\', '  exec app'];
    const [f] = findings('DL3025', text);
    assert.equal(applyFix(text, f), 'FROM a:1\nCMD ["/bin/sh", "-c", "echo \\"$HOME\\" &&   exec app"]\n');
  });
});

describe('DL3026 trusted registries', () => {
  it('is silent without configuration', () => {
    assert.deepEqual(findings('DL3026', ['FROM evil.example/x:1']), []);
  });
  it('fires on untrusted registries when configured', () => {
    const cfg = { trustedRegistries: ['docker.io', '*.corp.example'] };
    assert.deepEqual(lines(findings('DL3026', ['FROM evil.example/x:1', 'FROM alpine:3', 'FROM r.corp.example/a:1', 'FROM scratch'], { cfg })), [1]);
  });
});

describe('DL3029 constant --platform / DL3065 redundant $TARGETPLATFORM', () => {
  it('DL3029 fires on a constant platform only', () => {
    assert.deepEqual(lines(findings('DL3029', ['FROM --platform=linux/amd64 a:1', 'FROM --platform=$BUILDPLATFORM a:1', 'FROM a:1'])), [1]);
  });
  it('DL3065 fires on $TARGETPLATFORM / ${TARGETPLATFORM} only', () => {
    assert.deepEqual(lines(findings('DL3065', ['FROM --platform=$TARGETPLATFORM a:1', 'FROM --platform=${TARGETPLATFORM} a:1', 'FROM --platform=$BUILDPLATFORM a:1'])), [1, 2]);
  });
});

describe('DL3043 ONBUILD triggers', () => {
  it('fires on ONBUILD FROM / MAINTAINER / ONBUILD, not on ONBUILD RUN', () => {
    assert.deepEqual(lines(findings('DL3043', ['FROM a:1', 'ONBUILD FROM b', 'ONBUILD MAINTAINER me', 'ONBUILD ONBUILD RUN x', 'ONBUILD RUN make'])), [2, 3, 4]);
  });
});

describe('DL3044 ENV self reference', () => {
  it('fires when a value uses a name set earlier in the same ENV', () => {
    assert.deepEqual(lines(findings('DL3044', ['FROM a:1', 'ENV A=1 B=$A', 'ENV C=1 \\', '  D=${C}/x'])), [2, 4]);
  });
  it('does not fire when the name was defined before, or on separate ENVs', () => {
    assert.deepEqual(findings('DL3044', ['FROM a:1', 'ENV A=0', 'ENV A=1 B=$A', 'ENV C=1', 'ENV D=$C', 'ENV PATH=/x:$PATH']), []);
  });
});

describe('DL3045 COPY to relative destination without WORKDIR', () => {
  it('fires without WORKDIR in the stage', () => {
    assert.deepEqual(lines(findings('DL3045', ['FROM a:1', 'COPY app .', 'COPY x y/'])), [2, 3]);
  });
  it('does not fire after WORKDIR (own or parent stage) or with absolute destinations', () => {
    assert.deepEqual(findings('DL3045', ['FROM a:1 AS b', 'COPY x /abs/', 'WORKDIR /w', 'COPY x .', 'FROM b', 'COPY y .']), []);
  });
});

describe('DL3061 first instruction', () => {
  it('fires when something other than FROM/ARG comes first', () => {
    assert.deepEqual(lines(findings('DL3061', ['ARG V=1', 'RUN echo', 'FROM a:1'])), [2]);
  });
  it('does not fire when ARGs precede FROM', () => {
    assert.deepEqual(findings('DL3061', ['# c', 'ARG V=1', 'FROM a:$V']), []);
  });
});

describe('DL3063 reserved stage names', () => {
  it('fires on scratch and context', () => {
    assert.deepEqual(lines(findings('DL3063', ['FROM a:1 AS scratch', 'FROM a:1 AS Context', 'FROM a:1 AS ok'])), [1, 2]);
  });
});

describe('DL3064 secrets in ARG/ENV', () => {
  it('fires on secret-looking names', () => {
    assert.deepEqual(lines(findings('DL3064', ['FROM a:1', 'ARG AWS_SECRET_ACCESS_KEY', 'ENV dbPassword=x', 'ENV GITHUB_TOKEN=x'])), [2, 3, 4]);
  });
  it('does not fire on ordinary names or public keys', () => {
    assert.deepEqual(findings('DL3064', ['FROM a:1', 'ARG VERSION=1', 'ENV MONKEY=1 TOKENIZER=x', 'ENV PUBLIC_KEY=abc']), []);
  });
});

describe('DL3067 copy of a whole filesystem', () => {
  it('fires on COPY --from=x / ...', () => {
    assert.deepEqual(lines(findings('DL3067', ['FROM a:1 AS b', 'FROM scratch', 'COPY --from=b / /', 'COPY --from=b /. /rootfs/'])), [3, 4]);
  });
  it('does not fire on a subdirectory or a local COPY of /', () => {
    assert.deepEqual(findings('DL3067', ['FROM a:1 AS b', 'FROM scratch', 'COPY --from=b /app /app', 'COPY / /ctx/']), []);
  });
});

describe('DL4000 MAINTAINER', () => {
  it('fires, tagged deprecated, with a LABEL fix that quotes correctly', () => {
    const text = ['FROM a:1', 'MAINTAINER Jane "JD" Doe <jane@example.com>'];
    const [f] = findings('DL4000', text);
    assert.deepEqual(f.tags, ['deprecated']);
    assert.equal(applyFix(text, f), 'FROM a:1\nLABEL org.opencontainers.image.authors="Jane \\"JD\\" Doe <jane@example.com>"\n');
  });
  it('does not fire on LABEL', () => {
    assert.deepEqual(findings('DL4000', ['FROM a:1', 'LABEL maintainer=me']), []);
  });
});
