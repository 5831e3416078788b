// "Harmful fixes: zero": every preferred quick fix over the shared corpus, one at a time and as a
// fix-all, keeps the file parsing, changes no instruction beyond the fix's declared intent, and takes
// nothing away that a later RUN relies on. The checker itself is tested first on harm it must catch.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { lintDockerfile } from '../../../src/lint/index';
import { CORPUS, corpusFiles } from './helpers';
import { fixAll } from '../../../src/lint/fixAll';
import { AppliedFix, appliedFix, harmOf, harmOfFix, parsed, safeFixAll } from '../../../src/lint/fixcheck';
import type { Fix } from '../../../src/lint/types';

const lines = (...l: string[]) => l.join('\n') + '\n';

/** A hand-made fix: replace line `line` (0-based) from `from` to its end with `text`. */
function edit(text: string, line: number, from: number, newText: string, to?: number): Fix {
  const end = to ?? text.split('\n')[line].length;
  return { title: 'test', preferred: true, edits: [{ range: { start: { line, character: from }, end: { line, character: end } }, newText }] };
}

describe('lint/fixcheck: the harm it must catch', () => {
  it('a clean-up appended to an install-only RUN that a later install relies on', () => {
    const text = lines('FROM debian:12', 'RUN apt-get update', 'RUN apt-get install -y curl', 'RUN apt-get install -y git');
    const fix = edit(text, 2, 27, ' && rm -rf /var/lib/apt/lists/*', 27);
    const harm = harmOfFix(text, 'DL3009', fix);
    assert.equal(harm.length, 1, harm.join('\n'));
    assert.match(harm[0], /line 4: RUN now runs without the apt package lists/);
  });

  it('the same clean-up where nothing later needs the lists is fine, and so is a later RUN that updates again', () => {
    const text = lines('FROM debian:12', 'RUN apt-get update && apt-get install -y curl', 'RUN apt-get update && apt-get install -y git');
    assert.deepEqual(harmOfFix(text, 'DL3009', edit(text, 1, 45, ' && rm -rf /var/lib/apt/lists/*', 45)), []);
  });

  it('a stage built FROM the cleaned stage inherits the loss', () => {
    const text = lines('FROM debian:12 AS base', 'RUN apt-get update', 'RUN apt-get install -y curl', 'FROM base', 'RUN apt-get install -y git');
    assert.equal(harmOfFix(text, 'DL3009', edit(text, 2, 27, ' && rm -rf /var/lib/apt/lists/*', 27)).length, 1);
  });

  it('a multi-name ARG rewritten into one name with a default', () => {
    const text = lines('FROM alpine:3.19', 'ARG TARGETOS TARGETARCH');
    const harm = harmOfFix(text, 'LegacyKeyValueFormat', edit(text, 1, 12, '="TARGETARCH"'));
    assert.equal(harm.length, 1);
    assert.match(harm[0], /ARG changed beyond the intent/);
  });

  it('a flag added to another command than the intent names, or a different flag', () => {
    const text = lines('FROM debian:12', 'RUN apt-get update && apt-get install curl');
    assert.equal(harmOfFix(text, 'DL3014', edit(text, 1, 18, ' -y', 18)).length, 0, 'update -y is still apt-get -y');
    assert.equal(harmOfFix(text, 'DL3014', edit(text, 1, 37, ' --force-yes', 37)).length, 1);
    assert.equal(harmOfFix(text, 'DL3019', edit(text, 1, 37, ' --no-cache', 37)).length, 1, 'apk flag on apt-get');
  });

  it('exec form for a command that needs the shell, ADD → COPY of an archive or a URL, a WORKDIR that moves', () => {
    const cmd = lines('FROM alpine:3.19', 'CMD echo $HOME');
    assert.equal(harmOfFix(cmd, 'DL3025', edit(cmd, 1, 4, '["echo", "$HOME"]')).length, 1);
    const add = lines('FROM alpine:3.19', 'ADD app.tar.gz /opt/', 'ADD https://example.com/x /x');
    assert.equal(harmOfFix(add, 'DL3020', edit(add, 1, 0, 'COPY', 3)).length, 1);
    assert.equal(harmOfFix(add, 'DL3020', edit(add, 2, 0, 'COPY', 3)).length, 1);
    const wd = lines('FROM alpine:3.19', 'WORKDIR /srv', 'WORKDIR app');
    assert.equal(harmOfFix(wd, 'DL3000', edit(wd, 2, 8, '/app')).length, 1, '/app is not /srv/app');
    assert.deepEqual(harmOfFix(wd, 'DL3000', edit(wd, 2, 8, '/srv/app')), []);
  });

  it('apt → apt-get only where the subcommand means the same (apt upgrade also installs new dependencies)', () => {
    const text = lines('FROM debian:12', 'RUN apt update && apt upgrade -y');
    assert.deepEqual(harmOfFix(text, 'DL3027', edit(text, 1, 4, 'apt-get', 7)), []);
    assert.equal(harmOfFix(text, 'DL3027', edit(text, 1, 18, 'apt-get', 21)).length, 1);
    const offered = lintDockerfile(text).filter((f) => f.code === 'DL3027').map((f) => f.fixes?.length ?? 0);
    assert.deepEqual(offered, [1, 0], 'the rule offers the fix for update only');
  });

  it('wget --progress on an Alpine or BusyBox stage (BusyBox wget rejects it): the fix adds -q there', () => {
    const alpine = lines('FROM alpine:3.19', 'RUN wget https://example.com/x');
    assert.equal(harmOfFix(alpine, 'DL3047', edit(alpine, 1, 8, ' --progress=dot:giga', 8)).length, 1);
    const [f] = lintDockerfile(alpine).filter((x) => x.code === 'DL3047');
    assert.equal(f.fixes?.[0].edits[0].newText, ' -q');
    assert.deepEqual(harmOfFix(alpine, 'DL3047', f.fixes![0]), []);
    const debian = lines('FROM debian:12', 'RUN wget https://example.com/x');
    const [g] = lintDockerfile(debian).filter((x) => x.code === 'DL3047');
    assert.equal(g.fixes?.[0].edits[0].newText, ' --progress=dot:giga');
    assert.deepEqual(harmOfFix(debian, 'DL3047', g.fixes![0]), []);
  });

  it('a fix that breaks the syntax, or a code with no declared intent', () => {
    const text = lines('FROM alpine:3.19', 'EXPOSE 80/TCP');
    assert.match(harmOfFix(text, 'ExposeProtoCasing', edit(text, 1, 10, 'xyz')).join('\n'), /new LS0005/);
    assert.deepEqual(harmOfFix(text, 'ExposeProtoCasing', edit(text, 1, 10, 'tcp')), []);
    assert.match(harmOfFix(text, 'NoSuchRule', edit(text, 1, 10, 'tcp'))[0], /no declared intent/);
  });

  it('safeFixAll leaves a harmful fix out and applies the rest', () => {
    const text = lines('FROM alpine:3.19', 'EXPOSE 80/TCP', 'ARG A B');
    const bad: Fix = edit(text, 2, 5, '="B"');
    const good: Fix = edit(text, 1, 10, 'tcp');
    const lint = (t: string) => t === text
      ? [{ code: 'LegacyKeyValueFormat', level: 'warning' as const, message: '', range: bad.edits[0].range, fixes: [bad] },
        { code: 'ExposeProtoCasing', level: 'warning' as const, message: '', range: good.edits[0].range, fixes: [good] }]
      : [];
    const r = safeFixAll(text, lint);
    assert.equal(r.text, lines('FROM alpine:3.19', 'EXPOSE 80/tcp', 'ARG A B'));
    assert.deepEqual(r.refused.map((x) => [x.code, x.line]), [['LegacyKeyValueFormat', 3]]);
  });
});

describe('lint/fixcheck: no harmful fix on the shared corpus', function () {
  this.timeout(240000);
  let files: string[] = [];
  before(() => { files = corpusFiles(); });

  it('applies every preferred fix one at a time: each parses, keeps its meaning beyond its intent, removes nothing a later RUN needs', () => {
    assert.equal(files.length, 248, `expected the 248 corpus files under ${CORPUS}`);
    const harms: string[] = [];
    let applied = 0;
    const byCode = new Map<string, number>();
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const doc = parsed(text);
      for (const x of lintDockerfile(text)) {
        const fix = x.fixes?.find((q) => q.preferred);
        if (!fix) continue;
        applied++;
        byCode.set(x.code, (byCode.get(x.code) ?? 0) + 1);
        for (const h of harmOfFix(text, x.code, fix, doc)) harms.push(`${f.slice(CORPUS.length + 1)}:${x.range.start.line + 1} ${x.code}: ${h}`);
      }
    }
    console.log(`      ${applied} fixes applied one at a time: ${[...byCode].sort().map(([c, n]) => `${c} ${n}`).join(', ')}; ${harms.length} harmful`);
    assert.ok(applied > 500, `only ${applied} fixes were tried`);
    assert.deepEqual(harms, []);
  });

  it('applies every preferred fix of each file at once (fix-all): the same guarantees for the whole result', () => {
    const harms: string[] = [];
    let applied = 0;
    let changed = 0;
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const fixes: AppliedFix[] = [];
      const missing: string[] = [];
      const result = fixAll(text, (t) => lintDockerfile(t), 10, (x, fix, t) => {
        const a = appliedFix(parsed(t), x.code, fix);
        if (a) fixes.push(a); else missing.push(x.code);
      });
      applied += result.applied;
      if (result.text !== text) changed++;
      for (const h of [...missing.map((c) => `${c} has no declared intent`), ...harmOf(parsed(text), parsed(result.text), fixes)]) {
        harms.push(`${f.slice(CORPUS.length + 1)}: ${h}`);
      }
    }
    console.log(`      fix-all: ${applied} fixes over ${changed} changed files; ${harms.length} harmful`);
    assert.ok(changed > 100, `only ${changed} files changed`);
    assert.deepEqual(harms, []);
  });
});
