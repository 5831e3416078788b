import * as assert from 'node:assert/strict';
import { ignoreForInstruction, ignoreInFile, suppressionFixes, suppressor } from '../../../src/lint/suppress';
import { applyEdits } from '../../../src/lint/edits';
import { lintDockerfile } from '../../../src/lint';
import type { Finding, Fix } from '../../../src/lint/types';

function apply(text: string, fix: Fix | undefined): string {
  assert.ok(fix, 'expected a fix');
  return applyEdits(text, fix.edits);
}

const lines = (...l: string[]) => l.join('\n') + '\n';

describe('suppress: ignore for this instruction', () => {
  it('inserts a pragma right above the instruction', () => {
    const text = lines('FROM debian:12', 'RUN apt-get install curl');
    const fix = ignoreForInstruction(text, 'DL3015', 1);
    assert.equal(fix?.title, 'Ignore DL3015 for this instruction');
    assert.equal(apply(text, fix), lines('FROM debian:12', '# hadolint ignore=DL3015', 'RUN apt-get install curl'));
  });

  it('keeps the indentation of the instruction', () => {
    const text = lines('FROM debian:12', '    RUN apt-get install curl');
    assert.equal(apply(text, ignoreForInstruction(text, 'DL3015', 1)),
      lines('FROM debian:12', '    # hadolint ignore=DL3015', '    RUN apt-get install curl'));
  });

  it('puts the pragma above the first line when the finding is on a continuation line', () => {
    const text = lines('FROM debian:12', 'RUN apt-get update \\', '  && apt-get install curl');
    assert.equal(apply(text, ignoreForInstruction(text, 'DL3015', 2)),
      lines('FROM debian:12', '# hadolint ignore=DL3015', 'RUN apt-get update \\', '  && apt-get install curl'));
  });

  it('honours a backtick escape directive for continuations', () => {
    const text = lines('# escape=`', 'FROM mcr/windows', 'RUN Write-Host a `', '  b');
    assert.equal(apply(text, ignoreForInstruction(text, 'DL4006', 3)),
      lines('# escape=`', 'FROM mcr/windows', '# hadolint ignore=DL4006', 'RUN Write-Host a `', '  b'));
  });

  it('puts the pragma above a RUN whose heredoc body holds the finding', () => {
    const text = lines('FROM alpine:3', 'RUN <<EOF', 'apk add curl', 'EOF');
    assert.equal(apply(text, ignoreForInstruction(text, 'DL3018', 2)),
      lines('FROM alpine:3', '# hadolint ignore=DL3018', 'RUN <<EOF', 'apk add curl', 'EOF'));
  });

  it('extends an existing pragma instead of adding a second one', () => {
    const text = lines('FROM debian:12', '# hadolint ignore=DL3008', 'RUN apt-get install curl');
    const fix = ignoreForInstruction(text, 'DL3015', 2);
    assert.equal(fix?.edits.length, 1);
    assert.equal(apply(text, fix), lines('FROM debian:12', '# hadolint ignore=DL3008,DL3015', 'RUN apt-get install curl'));
  });

  it('extends a spaced, indented pragma after its last code and leaves trailing text alone', () => {
    const text = lines('FROM debian:12', '  #  hadolint ignore = DL3008, DL3009   ', '  RUN apt-get install curl');
    assert.equal(apply(text, ignoreForInstruction(text, 'DL3015', 2)),
      lines('FROM debian:12', '  #  hadolint ignore = DL3008, DL3009,DL3015   ', '  RUN apt-get install curl'));
  });

  it('extends a pragma further up the comment block above the instruction', () => {
    const text = lines('FROM debian:12', '# hadolint ignore=DL3008', '# curl for the health check', 'RUN apt-get install curl');
    assert.equal(apply(text, ignoreForInstruction(text, 'DL3015', 3)),
      lines('FROM debian:12', '# hadolint ignore=DL3008,DL3015', '# curl for the health check', 'RUN apt-get install curl'));
  });

  it('does not reach past a blank line or another instruction for a pragma', () => {
    const text = lines('# hadolint ignore=DL3008', 'FROM debian:12', 'RUN apt-get install curl');
    assert.equal(apply(text, ignoreForInstruction(text, 'DL3015', 2)),
      lines('# hadolint ignore=DL3008', 'FROM debian:12', '# hadolint ignore=DL3015', 'RUN apt-get install curl'));
    const spaced = lines('FROM debian:12', '# hadolint ignore=DL3008', '', 'RUN apt-get install curl');
    assert.equal(apply(spaced, ignoreForInstruction(spaced, 'DL3015', 3)),
      lines('FROM debian:12', '# hadolint ignore=DL3008', '', '# hadolint ignore=DL3015', 'RUN apt-get install curl'));
  });

  it('fills an empty pragma', () => {
    const text = lines('FROM debian:12', '# hadolint ignore=', 'RUN apt-get install curl');
    assert.equal(apply(text, ignoreForInstruction(text, 'DL3015', 2)),
      lines('FROM debian:12', '# hadolint ignore=DL3015', 'RUN apt-get install curl'));
  });

  it('offers nothing when the pragma above already lists the code', () => {
    const text = lines('FROM debian:12', '# hadolint ignore=DL3008,dl3015', 'RUN apt-get install curl');
    assert.equal(ignoreForInstruction(text, 'DL3015', 2), undefined);
  });

  it('does not merge into a global pragma or a plain comment right above', () => {
    const text = lines('FROM debian:12', '# hadolint global ignore=DL3008', '# install tools', 'RUN apt-get install curl');
    assert.equal(apply(text, ignoreForInstruction(text, 'DL3015', 3)),
      lines('FROM debian:12', '# hadolint global ignore=DL3008', '# install tools', '# hadolint ignore=DL3015', 'RUN apt-get install curl'));
  });

  it('offers nothing for a line outside every instruction', () => {
    const text = lines('FROM debian:12', '', '# a comment', 'RUN true');
    assert.equal(ignoreForInstruction(text, 'DL3000', 1), undefined);
    assert.equal(ignoreForInstruction(text, 'DL3000', 2), undefined);
    assert.equal(ignoreForInstruction(text, 'DL3000', 40), undefined);
  });

  it('keeps CRLF line endings', () => {
    const text = 'FROM debian:12\r\nRUN apt-get install curl\r\n';
    const fix = ignoreForInstruction(text, 'DL3015', 1);
    assert.deepEqual(fix?.edits, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: '# hadolint ignore=DL3015\r\n' }]);
  });

  it('puts the pragma on line 0 when the instruction is the first line', () => {
    const text = lines('FROM ubuntu');
    assert.equal(apply(text, ignoreForInstruction(text, 'DL3006', 0)), lines('# hadolint ignore=DL3006', 'FROM ubuntu'));
  });

  it('suppresses a whole ONBUILD instruction', () => {
    const text = lines('FROM alpine:3', 'ONBUILD RUN sudo ls');
    assert.equal(apply(text, ignoreForInstruction(text, 'DL3004', 1)),
      lines('FROM alpine:3', '# hadolint ignore=DL3004', 'ONBUILD RUN sudo ls'));
  });
});

describe('suppress: ignore in this file', () => {
  it('inserts a global pragma on the first line', () => {
    const text = lines('FROM ubuntu', 'MAINTAINER me');
    const fix = ignoreInFile(text, 'DL4000');
    assert.equal(fix?.title, 'Ignore DL4000 in this file');
    assert.equal(apply(text, fix), lines('# hadolint global ignore=DL4000', 'FROM ubuntu', 'MAINTAINER me'));
  });

  it('inserts below the parser directives so they stay directives', () => {
    const text = lines('# syntax=docker/dockerfile:1', '#escape=\\', '# check=skip=JSONArgsRecommended', '', 'FROM ubuntu');
    assert.equal(apply(text, ignoreInFile(text, 'DL3006')),
      lines('# syntax=docker/dockerfile:1', '#escape=\\', '# check=skip=JSONArgsRecommended', '# hadolint global ignore=DL3006', '', 'FROM ubuntu'));
  });

  it('only counts the leading directive block', () => {
    const text = lines('FROM ubuntu', '# syntax=later/is/a/comment');
    assert.equal(apply(text, ignoreInFile(text, 'DL3006')),
      lines('# hadolint global ignore=DL3006', 'FROM ubuntu', '# syntax=later/is/a/comment'));
  });

  it('starts a new line after a last directive without a newline', () => {
    const text = '# syntax=docker/dockerfile:1';
    assert.equal(apply(text, ignoreInFile(text, 'DL3006')), '# syntax=docker/dockerfile:1\n# hadolint global ignore=DL3006');
  });

  it('extends the existing global pragma, wherever it is', () => {
    const text = lines('FROM ubuntu', '# hadolint ignore=DL3007', '# hadolint global ignore=DL3008', 'RUN apt-get install curl');
    assert.equal(apply(text, ignoreInFile(text, 'DL3015')),
      lines('FROM ubuntu', '# hadolint ignore=DL3007', '# hadolint global ignore=DL3008,DL3015', 'RUN apt-get install curl'));
  });

  it('offers nothing when the global pragma already lists the code', () => {
    assert.equal(ignoreInFile(lines('# hadolint global ignore=DL3008, DL3015', 'FROM ubuntu'), 'DL3015'), undefined);
  });

  it('keeps CRLF line endings', () => {
    const text = '# syntax=docker/dockerfile:1\r\nFROM ubuntu\r\n';
    assert.deepEqual(ignoreInFile(text, 'DL3006')?.edits,
      [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: '# hadolint global ignore=DL3006\r\n' }]);
  });
});

describe('suppress: suppressionFixes', () => {
  const finding = (line: number, code = 'DL3015'): Finding => ({
    code, level: 'info', message: 'm', range: { start: { line, character: 0 }, end: { line, character: 3 } },
  });

  it('offers the instruction fix first, then the file fix', () => {
    const fixes = suppressionFixes(lines('FROM debian:12', 'RUN apt-get install curl'), finding(1));
    assert.deepEqual(fixes.map((f) => f.title), ['Ignore DL3015 for this instruction', 'Ignore DL3015 in this file']);
    assert.ok(fixes.every((f) => !f.preferred), 'suppressing is never the preferred fix');
  });

  it('suppressor: one parse serves every finding of the text, with the same answers', () => {
    const text = lines('FROM debian:12', '# hadolint ignore=DL3008', 'RUN apt-get install curl \\', '  && true', '', 'WORKDIR app');
    const suppress = suppressor(text);
    for (const [code, line] of [['DL3015', 2], ['DL3008', 3], ['DL3000', 5], ['DL3000', 4]] as const) {
      assert.deepEqual(suppress(finding(line, code)), suppressionFixes(text, finding(line, code)), `${code}@${line}`);
    }
    assert.deepEqual(suppress(finding(3, 'DL3008')).map((f) => f.title), ['Ignore DL3008 in this file'], 'already listed above the RUN');
  });

  it('offers only the file fix outside instructions', () => {
    const fixes = suppressionFixes(lines('# hadolint ignore=DL9999', 'FROM debian:12'), finding(0, 'DL9999'));
    assert.deepEqual(fixes.map((f) => f.title), ['Ignore DL9999 in this file']);
  });
});

describe('suppress: the pragmas it writes are honoured by the linter', () => {
  const codes = (text: string) => lintDockerfile(text).map((f) => `${f.code}@${f.range.start.line}`);

  it('ignore for this instruction silences that instruction only', () => {
    const text = lines('FROM debian:12', 'WORKDIR app', 'WORKDIR sub');
    assert.deepEqual(codes(text), ['DL3000@1', 'DL3000@2']);
    assert.deepEqual(codes(apply(text, ignoreForInstruction(text, 'DL3000', 1))), ['DL3000@3']);
  });

  it('ignore in this file silences the code everywhere, also as the very first line', () => {
    const text = lines('FROM debian:12', 'WORKDIR app', 'CMD node x');
    assert.deepEqual(codes(apply(text, ignoreInFile(text, 'DL3000'))), ['DL3025@3']);
    const withDirective = lines('# syntax=docker/dockerfile:1', 'FROM debian:12', 'WORKDIR app');
    assert.deepEqual(codes(apply(withDirective, ignoreInFile(withDirective, 'DL3000'))), []);
  });
});
