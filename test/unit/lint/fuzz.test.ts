// Property: lintDockerfile never throws, and every finding (and every fix edit) has a valid range
// inside the text, on 100,000 generated inputs: random instructions, flags, quotes, continuations,
// heredocs, escape directives, pragmas and binary noise.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { lintDockerfile } from '../../../src/lint/index';
import { applyEdits } from '../../../src/lint/edits';
import { mergeConfig } from '../../../src/lint/config';
import type { Range } from '../../../src/lint/types';

const KEYWORDS = ['FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER',
  'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL', 'FOO'];

const word = fc.oneof(
  fc.constantFrom('alpine', 'alpine:latest', 'a:1', 'AS', 'as', 'build', 'Build', 'scratch', '/', '.', '/app/', 'x.tar.gz', 'f.zip',
    'https://e.x/f', 'a=http://x', 'b=1.2', 'c=me', 'x.log', 'tmp/f', '80', '80/TCP', '99999', '1.2.3.4:80:80', 'A=1', 'B=$A', 'K', 'v', '$X', '${Y:-d}', '${', '$', 'CMD', 'NONE',
    'apt-get', 'install', '-y', '&&', '|', ';', '||', 'cd', 'sudo', 'pip', 'curl', 'wget', '2>&1', '`x`', '$(y)', '{', '}', '#'),
  fc.constantFrom('"', "'", '"a b"', "'c d'", '["a", "b"]', '["unterminated', '[\'single\']', '[]', '\\', '`'),
  fc.string({ maxLength: 6 }),
);
const flag = fc.constantFrom('--from=build', '--from=0', '--from=nope', '--platform=linux/amd64', '--platform=$TARGETPLATFORM',
  '--mount=type=cache,target=/var/cache/apt', '--mount=from=Build', '--chown=1:1', '--interval=abc', '--interval=5s', '--link', '--', '--=');
const keyword = fc.oneof(fc.constantFrom(...KEYWORDS), fc.constantFrom(...KEYWORDS).map((k) => k.toLowerCase()), fc.constantFrom('From', 'rUn'));
const instruction = fc.tuple(keyword, fc.array(flag, { maxLength: 2 }), fc.array(word, { maxLength: 5 }), fc.constantFrom(' ', ' \\\n  ', '\t', ' `\n', ' \\\n\n', ' \\\n# c\n'))
  .map(([k, fl, ws, sep]) => [k, ...fl, ...ws].join(sep));
const heredoc = fc.tuple(fc.constantFrom('RUN', 'COPY'), fc.constantFrom('EOF', 'E', '"EOF"', '-EOF'), fc.array(word, { maxLength: 4 }), fc.boolean())
  .map(([k, d, body, close]) => `${k} <<${d}${k === 'COPY' ? ' /f' : ''}\n${body.join(' ')}\n${close ? d.replace(/["-]/g, '') : ''}`);
const comment = fc.constantFrom('# hadolint ignore=DL3007,DL3025', '# hadolint global ignore=MaintainerDeprecated', '# check=skip=all',
  '# check=skip=JSONArgsRecommended;error=true', '# escape=`', '# escape=\\', '# syntax=docker/dockerfile:1', '#', '# hadolint shell=powershell', '');
const noise = fc.string({ unit: 'binary', maxLength: 12 });
const line = fc.oneof({ weight: 6, arbitrary: instruction }, { weight: 1, arbitrary: heredoc }, { weight: 2, arbitrary: comment }, { weight: 1, arbitrary: noise });
const dockerfile = fc.tuple(fc.array(line, { maxLength: 6 }), fc.constantFrom('\n', '\r\n', '\r')).map(([ls, eol]) => ls.join(eol));

// Every optional input on, so the config- and file-driven rules are fuzzed too.
const options = {
  config: mergeConfig({
    trustedRegistries: ['docker.io'], labelSchema: { a: 'url', b: 'semver', c: 'email' }, strictLabels: true,
    ignored: ['DL3059', 'JSONArgsRecommended'], override: { MaintainerDeprecated: 'style', DL3007: 'error' },
  }),
  fileName: 'Dockerfile',
  readFile: (p: string) => (p === '.dockerignore' ? '*.log\n!keep.log\n**/tmp\nbuild/\n[a-\n' : undefined),
};

function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

function assertInside(r: Range, lens: number[], what: string): void {
  const ok = (p: Range['start']) => Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line < lens.length && p.character >= 0 && p.character <= lens[p.line];
  assert.ok(ok(r.start) && ok(r.end), `${what}: position outside the text ${JSON.stringify(r)}`);
  assert.ok(r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character), `${what}: range ends before it starts ${JSON.stringify(r)}`);
}

describe('lint fuzz', function () {
  // Bounded by the number of inputs, not by time: ~60 s quiet, several times that on a loaded machine.
  this.timeout(900_000);
  const RUNS = Number(process.env.FUZZ_RUNS ?? 100_000);
  it(`never throws and keeps ranges inside the text (${RUNS} inputs)`, () => {
    fc.assert(fc.property(dockerfile, (text) => {
      const lens = lineLengths(text);
      for (const f of lintDockerfile(text, options)) {
        assert.ok(f.code && f.message && ['error', 'warning', 'info', 'style'].includes(f.level), 'well-formed finding');
        assertInside(f.range, lens, f.code);
        for (const fix of f.fixes ?? []) {
          for (const e of fix.edits) assertInside(e.range, lens, `${f.code} fix`);
          applyEdits(text, fix.edits);
        }
      }
    }), { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20260124) });
  });
});
