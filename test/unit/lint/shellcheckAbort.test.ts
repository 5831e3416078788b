// The editor cancels a stale lint: its shellcheck child must be killed, not waited for.
import * as assert from 'node:assert/strict';
import { findShellcheck, shellcheckRunner } from '../../../src/lint/node/shellcheck';

describe('lint/node/shellcheck: abort', () => {
  const bin = findShellcheck();

  it('is installed on this machine (the editor tests rely on it)', () => {
    assert.ok(bin, 'shellcheck is on PATH');
  });

  it('an aborted signal kills the run and rejects with AbortError', async () => {
    const controller = new AbortController();
    const run = shellcheckRunner(bin!, 20_000, controller.signal)(['--format=json1', '--shell=sh', '-'], 'echo $1\n');
    controller.abort();
    await assert.rejects(run, (e: Error) => e.name === 'AbortError');
  });

  it('without an abort the same run answers', async () => {
    const out = await shellcheckRunner(bin!, 20_000, new AbortController().signal)(['--format=json1', '--shell=sh', '-'], 'echo $1\n');
    assert.match(out, /"code":2086/);
  });
});
