// ShellCheck, the node half: find the binary on PATH and run it. The script building and the mapping
// of results live in the pure core (src/lint/shell/shellcheck.ts).
import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import * as path from 'node:path';
import type { ShellcheckRunner } from '../shell/shellcheck';

/** The `shellcheck` executable found on PATH, or undefined. */
export function findShellcheck(envPath = process.env.PATH ?? '', platform = process.platform): string | undefined {
  const names = platform === 'win32' ? ['shellcheck.exe', 'shellcheck'] : ['shellcheck'];
  for (const dir of envPath.split(path.delimiter)) {
    if (!dir) continue;
    for (const name of names) {
      const file = path.join(dir, name);
      try {
        if (!statSync(file).isFile()) continue;
        accessSync(file, constants.X_OK);
        return file;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

/**
 * Runs the binary with the given arguments and standard input. Exit status 0 (clean) and 1 (findings)
 * both resolve with standard output; anything else rejects with ShellCheck's error text. The child is
 * killed after `timeoutMs`, or when `signal` aborts.
 */
export function shellcheckRunner(bin: string, timeoutMs = 20_000, signal?: AbortSignal): ShellcheckRunner {
  return (args, stdin) => new Promise<string>((resolve, reject) => {
    // ShellCheck decodes input by locale; without a UTF-8 locale non-ASCII text aborts it.
    // `signal` (the editor's stale-run cancel) kills the child; spawn then reports an AbortError.
    const child = spawn(bin, [...args], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' }, signal });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`shellcheck did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0 || code === 1) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new Error(`shellcheck exited with ${code}: ${Buffer.concat(err).toString('utf8').trim()}`));
    });
    child.stdin.on('error', () => { /* the exit status tells what happened */ });
    child.stdin.end(stdin, 'utf8');
  });
}

/** A runner for the shellcheck on PATH, or undefined when there is none. */
export function shellcheckOnPath(): ShellcheckRunner | undefined {
  const bin = findShellcheck();
  return bin ? shellcheckRunner(bin) : undefined;
}
