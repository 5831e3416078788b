import * as assert from 'node:assert/strict';
import { LintDocument } from '../../../../src/lint/document';
import { parseArgs, runShell, shellInfo, ShellWord } from '../../../../src/lint/shell';

const lines = (...l: string[]) => l.join('\n') + '\n';

function runs(text: string) {
  const doc = new LintDocument(text);
  return doc.runs().map((ins) => ({ doc, ins, run: runShell(doc, ins) }));
}

/** Each command as "name arg arg", non-literal words shown as "?". */
function commands(text: string, which = 0): string[] {
  return runs(text)[which].run.commands.map((c) => c.argv.map((w) => w.value ?? '?').join(' '));
}

function at(text: string, w: { start: number; end: number }): string {
  return text.slice(w.start, w.end);
}

describe('shell adapter: RUN → commands', () => {
  it('splits && || ; and pipes into simple commands', () => {
    assert.deepEqual(commands(lines('FROM a', 'RUN a 1 && b 2 || c; d | e')), ['a 1', 'b 2', 'c', 'd', 'e']);
  });

  it('removes quotes and keeps quoted pipes inside one word', () => {
    const t = lines('FROM a', `RUN echo "a|b" 'c d' e\\ f`);
    assert.deepEqual(commands(t), ['echo a|b c d e f']);
    assert.equal(runs(t)[0].run.pipes.length, 0);
  });

  it('marks expanded words as non-literal but keeps their shape', () => {
    const t = lines('FROM a', 'RUN apt-get install curl=$V "$(x)"');
    const w = runs(t)[0].run.commands[0].argv;
    assert.equal(w[2].value, null);
    assert.equal(w[2].shape, 'curl=\u0000');
    assert.equal(w[3].value, null);
  });

  it('maps words across line continuations and skipped comment lines to the Dockerfile text', () => {
    const t = lines('FROM a', 'RUN apt-get update && \\', '  # a comment', '', '  apt-get install -y \\', '    curl');
    const r = runs(t)[0].run;
    assert.deepEqual(r.commands.map((c) => c.name), ['apt-get', 'apt-get']);
    const curl = r.commands[1].argv[3];
    assert.equal(at(t, curl), 'curl');
    const doc = new LintDocument(t);
    assert.deepEqual(doc.positionAt(curl.start), { line: 5, character: 4 });
  });

  it('honours the escape directive', () => {
    const t = lines('# escape=`', 'FROM a', 'RUN echo a `', '  b && c');
    assert.deepEqual(commands(t), ['echo a b', 'c']);
  });

  it('skips RUN flags', () => {
    const t = lines('FROM a', 'RUN --mount=type=cache,target=/root/.cache pip install x');
    assert.deepEqual(commands(t), ['pip install x']);
  });

  it('reads exec form as argv without a shell, and the script of sh -c', () => {
    const t = lines('FROM a', 'RUN ["apt-get", "install", "a b"]', 'RUN ["/bin/sh", "-c", "cd /x && make | tee log"]');
    const [exec, shc] = runs(t);
    assert.equal(exec.run.form, 'exec');
    assert.deepEqual(exec.run.commands[0].argv.map((w) => w.value), ['apt-get', 'install', 'a b']);
    assert.equal(at(t, exec.run.commands[0].argv[2]), '"a b"');
    assert.deepEqual(shc.run.commands.map((c) => c.name), ['sh', 'cd', 'make', 'tee']);
    assert.equal(at(t, shc.run.commands[1]), 'cd /x');
    assert.equal(shc.run.pipes.length, 1);
  });

  it('reads bash -c scripts inside shell form', () => {
    const t = lines('FROM a', `RUN bash -ec 'apt-get install x && rm y'`);
    const r = runs(t)[0].run;
    assert.deepEqual(r.commands.map((c) => c.name), ['bash', 'apt-get', 'rm']);
    assert.equal(at(t, r.commands[1].argv[2]), 'x');
  });

  it('runs the body of a bare heredoc as the script', () => {
    const t = lines('FROM a', 'RUN <<EOF', 'set -e', 'apt-get install x | cat', 'EOF');
    const r = runs(t)[0].run;
    assert.equal(r.form, 'heredoc');
    assert.deepEqual(r.commands.map((c) => c.name), ['set', 'apt-get', 'cat']);
    assert.equal(at(t, r.commands[1].argv[2]), 'x');
  });

  it('does not read a heredoc whose #! names another interpreter', () => {
    const t = lines('FROM a', 'RUN <<EOF', '#!/usr/bin/env python3', 'print(1 | 2)', 'EOF');
    const r = runs(t)[0].run;
    assert.equal(r.commands.length, 0);
    assert.ok(r.skipped);
  });

  it('parses a command fed by a heredoc as shell, not the heredoc body', () => {
    const t = lines('FROM a', 'RUN python3 <<EOF', 'import x | y', 'EOF');
    assert.deepEqual(commands(t), ['python3']);
  });

  it('reads ONBUILD RUN', () => {
    const t = lines('FROM a', 'ONBUILD RUN sudo make');
    assert.deepEqual(commands(t), ['sudo make', 'make']);
  });

  it('does not read RUN as POSIX after SHELL powershell or cmd', () => {
    const t = lines('FROM a', 'SHELL ["powershell", "-Command"]', 'RUN Get-Item x | Remove-Item', 'SHELL ["cmd", "/S", "/C"]', 'RUN dir | more');
    for (const { run } of runs(t)) {
      assert.equal(run.commands.length, 0);
      assert.ok(run.skipped);
    }
  });

  it('turns a parse failure into a problem with a position, never a throw', () => {
    const t = lines('FROM a', `RUN echo 'open && b`);
    const r = runs(t)[0].run;
    assert.equal(r.commands.length, 0);
    assert.ok(r.problem);
    assert.ok(r.problem.offset >= t.indexOf('RUN'));
  });

  it('knows commands inside subshells and substitutions', () => {
    const t = lines('FROM a', 'RUN (cd /x && make) && echo $(cd /y; pwd)');
    const r = runs(t)[0].run;
    const byName = Object.fromEntries(r.commands.map((c) => [c.name + (c.argv[1]?.value ?? ''), c]));
    assert.equal(byName['cd/x'].subshell, true);
    assert.equal(byName['cd/y'].nested, true);
    assert.equal(byName['echo'].nested, false);
  });

  it('maps positions after non-ASCII text correctly', () => {
    const t = lines('FROM a', 'RUN echo "héllo wörld" && apt-get install x');
    const r = runs(t)[0].run;
    assert.equal(at(t, r.commands[1].argv[2]), 'x');
  });

  it('gives the end of the top-level and-or list for appending', () => {
    const t = lines('FROM a', 'RUN apt-get update && apt-get install -y x > /dev/null; echo done');
    const r = runs(t)[0].run;
    assert.equal(t.slice(r.commands[1].listEnd - 9, r.commands[1].listEnd), '/dev/null');
  });

  it('reads export/declare as commands with NAME=value words', () => {
    assert.deepEqual(commands(lines('FROM a', 'RUN export A=1 B "C=$x" && local D')), ['export A=1 B ?', 'local D']);
  });

  it('sees the command inside sudo, env, nice, xargs… as a command of its own', () => {
    const t = lines('FROM a', 'RUN sudo -u app env A=1 B=2 pip install x && xargs -n1 apt-get install -y < f', 'RUN ["sudo", "apt-get", "install", "z"]');
    const [first, exec] = runs(t);
    const seen = first.run.commands.map((c) => `${c.name}${c.wrapper ? ` (in ${c.wrapper})` : ''}`);
    assert.deepEqual(seen, ['sudo', 'env (in sudo)', 'pip (in sudo)', 'xargs', 'apt-get (in xargs)']);
    assert.deepEqual(first.run.commands[2].assigns, [{ name: 'A', value: '1' }, { name: 'B', value: '2' }]);
    assert.equal(at(t, first.run.commands[2].argv[2]), 'x');
    assert.deepEqual(exec.run.commands.map((c) => c.name), ['sudo', 'apt-get']);
  });

  it('memoises per instruction', () => {
    const t = lines('FROM a', 'RUN a | b');
    const doc = new LintDocument(t);
    const ins = doc.runs()[0];
    assert.equal(runShell(doc, ins), runShell(doc, ins));
  });
});

const words = (...v: string[]): ShellWord[] => v.map((value, i) => ({ value, shape: value, start: i, end: i + 1 }));

describe('shell adapter: parseArgs', () => {
  it('splits combined short flags and --flag=value', () => {
    const a = parseArgs(words('-qy', '--no-install-recommends', '--option=x', 'install', 'curl'));
    assert.ok(a.has('-q') && a.has('-y') && a.has('--no-install-recommends'));
    assert.deepEqual(a.values('--option'), ['x']);
    assert.deepEqual(a.literalOperands(), ['install', 'curl']);
  });

  it('consumes the value of options that take one, attached or not', () => {
    const a = parseArgs(words('-o', 'APT::X=1', '-tbuster', 'install', 'curl'), { withValue: ['-o', '-t'] });
    assert.deepEqual(a.values('-o'), ['APT::X=1']);
    assert.deepEqual(a.values('-t'), ['buster']);
    assert.deepEqual(a.literalOperands(), ['install', 'curl']);
  });

  it('treats everything after -- as operands, even names that look like flags', () => {
    const a = parseArgs(words('install', '--', '-weird-pkg', '--yes'));
    assert.equal(a.has('--yes'), false);
    assert.deepEqual(a.literalOperands(), ['install', '-weird-pkg', '--yes']);
  });

  it('reads single-dash long flags for Go-style tools', () => {
    const a = parseArgs(words('-ldflags', '-s -w', '-v', 'x@v1'), { withValue: ['-ldflags'], singleDash: true });
    assert.deepEqual(a.values('-ldflags'), ['-s -w']);
    assert.ok(a.has('-v'));
    assert.deepEqual(a.literalOperands(), ['x@v1']);
  });
});

describe('shell adapter: SHELL instruction', () => {
  it('reads pipefail and the dialect', () => {
    assert.deepEqual(shellInfo(['/bin/bash', '-o', 'pipefail', '-c']), { posix: true, dialect: 'bash', pipefail: true });
    assert.deepEqual(shellInfo(['/bin/ash', '-eo', 'pipefail', '-c']), { posix: true, dialect: 'sh', pipefail: true });
    assert.deepEqual(shellInfo(['/bin/busybox', 'sh', '-o', 'errexit', '-o', 'pipefail', '-c']), { posix: true, dialect: 'sh', pipefail: true });
    assert.equal(shellInfo(['/bin/sh', '-c']).pipefail, false);
    assert.equal(shellInfo(['/bin/bash', '+o', 'pipefail', '-c']).pipefail, false);
    assert.equal(shellInfo(['/bin/bash', '-o', 'pipefail', '+o', 'pipefail', '-c']).pipefail, false);
    assert.equal(shellInfo(['/bin/bash', '-c', '-o', 'pipefail']).pipefail, true);
    assert.equal(shellInfo(['pwsh', '-Command']).posix, false);
    assert.equal(shellInfo(['cmd.exe', '/S', '/C']).posix, false);
  });
});
