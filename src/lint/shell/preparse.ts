// Reads the RUN scripts of a Dockerfile ahead of its lint: the editor does it in a worker thread
// (src/lint/node/shellWorker.ts) on the second core while the main thread loads the rule set, and
// hands the result to lintDockerfile as `runShells`. Same code as the lint's own reading.
import { LintDocument } from '../document';
import { runShellsByOffset, type RunShell } from './index';

export function preparseRuns(source: string): Map<number, RunShell> {
  // As lintDockerfile: offsets count without a byte order mark.
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  return runShellsByOffset(new LintDocument(text));
}
