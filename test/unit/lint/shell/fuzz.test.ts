// Property tests for the RUN checks: on generated RUN scripts (package managers, flags, quotes, pipes,
// substitutions, heredocs, continuations, exec form, PowerShell), no RUN rule crashes (no LS9000),
// and applying any RUN rule's fix makes that finding go away without breaking the rest.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { lintDockerfile } from '../../../../src/lint';
import { applyEdits } from '../../../../src/lint/edits';
import { shellRules } from '../../../../src/lint/rules/shell';
import { INTERNAL_ERROR_CODE } from '../../../../src/lint/types';

const tool = fc.constantFrom('apt-get install', 'apt install', 'apt search', 'apt-get -y install', 'apk add', 'pip install', 'python3 -m pip install', 'npm i',
  'gem install', 'yum install', 'dnf -y install', 'microdnf install', 'zypper in', 'zypper -n dup', 'go install', 'yarn',
  'useradd -u 1234567', 'wget', 'curl', 'ln -sf /bin/bash', 'cd', 'sudo', 'set -o pipefail;', 'export PIP_NO_CACHE_DIR=1;', 'rm -rf');
const arg = fc.oneof(
  fc.constantFrom('curl', 'curl=1.0', 'x@latest', 'x@1', 'a==1', '-y', '-qq', '--no-cache', '--no-install-recommends', '--no-cache-dir',
    '--', '-o', 'APT::Install-Recommends=0', '/var/lib/apt/lists/*', '/bin/sh', '-l', '$PKG', '"$(x)"', "'q u'", '"a|b"', 'a\\ b', '-r', 'req.txt'),
  fc.string({ maxLength: 4 }),
);
const command = fc.tuple(tool, fc.array(arg, { maxLength: 4 })).map(([t, a]) => [t, ...a].join(' '));
const joiner = fc.constantFrom(' && ', ' || ', '; ', ' | ', ' && \\\n    ', ' \\\n  # note\n  && ', ' |& ', ' & ');
const script = fc.tuple(command, fc.array(fc.tuple(joiner, command), { maxLength: 3 }))
  .map(([first, rest]) => first + rest.map(([j, c]) => j + c).join(''));
const run = fc.oneof(
  { weight: 6, arbitrary: script.map((s) => `RUN ${s}`) },
  { weight: 1, arbitrary: script.map((s) => `ONBUILD RUN ${s}`) },
  { weight: 1, arbitrary: script.map((s) => `RUN --mount=type=cache,target=/var/cache/apk ${s}`) },
  { weight: 1, arbitrary: script.map((s) => `RUN <<EOF\n${s}\nEOF`) },
  { weight: 1, arbitrary: script.map((s) => `RUN ["sh", "-c", ${JSON.stringify(s)}]`) },
  { weight: 1, arbitrary: script.map((s) => `RUN bash -o pipefail -c '${s.split("'").join('')}'`) },
  { weight: 1, arbitrary: fc.constantFrom('SHELL ["pwsh", "-Command"]', 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]', 'FROM alpine AS b', 'ENV PIP_NO_CACHE_DIR=1', 'COPY --from=b / /') },
);
const dockerfile = fc.array(run, { minLength: 1, maxLength: 5 }).map((ls) => ['FROM debian:12', ...ls].join('\n') + '\n');

describe('RUN checks: properties', function () {
  this.timeout(120_000);
  const RUNS = Number(process.env.SHELL_FUZZ_RUNS ?? 600);

  it(`no RUN rule crashes, and every fix resolves its finding (${RUNS} inputs)`, () => {
    fc.assert(fc.property(dockerfile, (text) => {
      const found = lintDockerfile(text, { rules: shellRules, skipValidity: true });
      assert.deepEqual(found.filter((f) => f.code === INTERNAL_ERROR_CODE), []);
      for (const f of found) {
        for (const fix of f.fixes ?? []) {
          const after = applyEdits(text, fix.edits);
          const same = (g: typeof f) => g.code === f.code;
          const before = found.filter(same).length;
          const left = lintDockerfile(after, { rules: shellRules, skipValidity: true });
          assert.deepEqual(left.filter((g) => g.code === INTERNAL_ERROR_CODE), []);
          assert.ok(left.filter(same).length < before, `fix '${fix.title}' should resolve ${f.code} in:\n${text}\n→\n${after}`);
        }
      }
    }), { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 4242) });
  });
});
