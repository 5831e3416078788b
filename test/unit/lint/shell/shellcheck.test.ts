// ShellCheck integration, against the real binary (installed here and in CI: Debian package shellcheck).
import * as assert from 'node:assert/strict';
import { LintDocument } from '../../../../src/lint/document';
import { applyEdits } from '../../../../src/lint/edits';
import { findShellcheck, shellcheckRunner } from '../../../../src/lint/node/shellcheck';
import { lintWithShellcheck, shellcheckBatches, shellcheckFindings } from '../../../../src/lint/shell/shellcheck';
import { mergeConfig } from '../../../../src/lint/config';
import type { Finding } from '../../../../src/lint/types';
import { covered, dockerfile } from './helpers';

const bin = findShellcheck();

describe('ShellCheck on RUN scripts (real binary)', function () {
  this.timeout(20_000);
  before(() => assert.ok(bin, 'shellcheck must be on PATH (apt-get install shellcheck)'));
  const run = (text: string) => shellcheckFindings(text, undefined, shellcheckRunner(bin!));
  const codes = (fs: Finding[]) => fs.map((f) => f.code).sort();

  it('reports SC findings at the right Dockerfile line and column, across continuations', async () => {
    const text = dockerfile('RUN echo start && \\', '    # a comment the builder drops', '    for f in $(ls /etc); do echo $f; done');
    const fs = await run(text);
    const sc2045 = fs.find((f) => f.code === 'SC2045');
    assert.ok(sc2045, JSON.stringify(fs));
    assert.equal(sc2045.range.start.line, 3);
    assert.equal(covered(text, sc2045), '$(ls /etc)');
    const sc2086 = fs.find((f) => f.code === 'SC2086');
    assert.ok(sc2086);
    assert.equal(covered(text, sc2086), '$f');
    assert.equal(sc2086.level, 'info');
  });

  it('checks every RUN of the file in one process per dialect and maps each back to its own RUN', async () => {
    const text = dockerfile('RUN echo $A', 'ENV X=1', 'RUN true', 'ONBUILD RUN echo $B', 'SHELL ["/bin/bash", "-c"]', 'RUN echo $C && [[ -n x ]]');
    const doc = new LintDocument(text);
    const batches = shellcheckBatches(doc);
    assert.deepEqual(batches.map((b) => b.dialect).sort(), ['bash', 'sh']);
    assert.equal(batches.find((b) => b.dialect === 'sh')!.pieces.length, 3);
    const fs = await run(text);
    const lines = fs.filter((f) => f.code === 'SC2086').map((f) => covered(text, f));
    assert.deepEqual(lines.sort(), ['$A', '$B', '$C']);
    // [[ ]] is fine in bash, so no SC3010-style finding for the bash script.
    assert.ok(!fs.some((f) => f.code.startsWith('SC3')), JSON.stringify(fs));
  });

  it('checks each RUN as its own shell: an exit does not hide later RUNs, a variable does not carry over', async () => {
    const text = dockerfile('RUN exit 0', 'RUN echo "$HOME"; foo=1', 'RUN echo "$foo"');
    const fs = await run(text);
    assert.ok(!fs.some((f) => f.code === 'SC2317'), JSON.stringify(fs));
    const lost = fs.find((f) => f.code === 'SC2031');
    assert.ok(lost, JSON.stringify(fs));
    assert.equal(covered(text, lost), '$foo');
  });

  it('uses sh rules under the default shell (bashisms are reported)', async () => {
    const fs = await run(dockerfile('RUN if [[ -n "$HOME" ]]; then echo y; fi'));
    assert.ok(fs.some((f) => f.code === 'SC3010'), JSON.stringify(codes(fs)));
  });

  it('checks heredoc scripts with their own #! dialect', async () => {
    const text = dockerfile('RUN <<EOF', '#!/bin/bash', 'set -e', 'echo $HOME', 'EOF');
    const fs = await run(text);
    const f = fs.find((x) => x.code === 'SC2086');
    assert.ok(f, JSON.stringify(fs));
    assert.equal(f.range.start.line, 4);
    assert.equal(covered(text, f), '$HOME');
  });

  it('leaves out exec form, PowerShell stages and the excluded codes', async () => {
    const text = dockerfile('RUN ["echo", "$X"]', 'RUN cd /tmp; echo "$UNSET_VAR"', 'RUN . /etc/profile.d/$X.sh', 'SHELL ["pwsh", "-Command"]', 'RUN echo $x | Out-Null');
    const fs = await run(text);
    assert.deepEqual(fs.filter((f) => ['SC2164', 'SC2154', 'SC1090', 'SC1091'].includes(f.code)), []);
    assert.ok(!fs.some((f) => f.range.start.line === 5), JSON.stringify(fs));
  });

  it('skips scripts that do not parse so the rest of the file is still checked', async () => {
    const text = dockerfile(`RUN echo 'open`, 'RUN echo $A');
    const fs = await run(text);
    assert.deepEqual(fs.map((f) => [f.code, f.range.start.line]), [['SC2086', 2]]);
  });

  it('maps non-ASCII text correctly', async () => {
    const text = dockerfile('RUN echo "héllo wörld" && echo $A');
    const [f] = (await run(text)).filter((x) => x.code === 'SC2086');
    assert.equal(covered(text, f), '$A');
  });

  it("offers ShellCheck's own fix, mapped to the Dockerfile", async () => {
    const text = dockerfile('RUN echo start && \\', '    echo $HOME');
    const f = (await run(text)).find((x) => x.code === 'SC2086');
    assert.ok(f?.fixes?.length);
    assert.equal(applyEdits(text, f.fixes[0].edits), dockerfile('RUN echo start && \\', '    echo "$HOME"'));
  });

  it('applies pragmas and configuration to SC findings like any other rule', async () => {
    const runner = shellcheckRunner(bin!);
    const text = dockerfile('FROM debian:12', '# hadolint ignore=SC2086', 'RUN echo $A', 'RUN echo $B');
    const all = await lintWithShellcheck(text, { skipValidity: true }, runner);
    assert.deepEqual(all.filter((f) => f.code === 'SC2086').map((f) => f.range.start.line), [3]);
    const ignored = await lintWithShellcheck(text, { skipValidity: true, config: mergeConfig({ ignored: ['SC2086'] }) }, runner);
    assert.equal(ignored.filter((f) => f.code === 'SC2086').length, 0);
    const raised = await lintWithShellcheck(text, { skipValidity: true, config: mergeConfig({ override: { SC2086: 'error' } }) }, runner);
    assert.equal(raised.find((f) => f.code === 'SC2086')?.level, 'error');
  });

  it('when ShellCheck cannot parse one script of a batch, each script is checked alone', async () => {
    const real = shellcheckRunner(bin!);
    const calls: number[] = [];
    // Our parser accepts everything ShellCheck does on the scripts we know of; this runner plays a
    // ShellCheck that chokes on `weird` so the fallback is exercised against the real binary otherwise.
    const runner = async (args: readonly string[], input: string) => {
      const scripts = input.split('\n(\n').length;
      calls.push(scripts);
      if (input.includes('weird')) {
        return JSON.stringify({ comments: [{ line: 2, endLine: 2, column: 1, endColumn: 2, level: 'error', code: 1073, message: 'parse error' }] });
      }
      return real(args, input);
    };
    const text = dockerfile('RUN weird', 'RUN echo $A', 'RUN echo $B');
    const fs = await shellcheckFindings(text, undefined, runner);
    assert.deepEqual(calls, [3, 1, 1, 1]);
    assert.deepEqual(fs.filter((f) => f.code === 'SC2086').map((f) => covered(text, f)), ['$A', '$B']);
    assert.deepEqual(fs.filter((f) => f.code === 'SC1073').map((f) => f.range.start.line), [1]);
  });

  it('a failing runner yields no findings, not an error', async () => {
    const fs = await shellcheckFindings(dockerfile('RUN echo $A'), undefined, () => Promise.reject(new Error('boom')));
    assert.deepEqual(fs, []);
    const missing = await shellcheckFindings(dockerfile('RUN echo $A'), undefined, shellcheckRunner('/nonexistent/shellcheck'));
    assert.deepEqual(missing, []);
  });

  it('finds the binary only where PATH points', () => {
    assert.equal(findShellcheck('/nonexistent:/also-missing'), undefined);
    assert.ok(findShellcheck(require('node:path').dirname(bin!)));
  });
});
