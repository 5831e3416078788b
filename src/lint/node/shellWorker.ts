// A worker thread's entry (dist/shell-worker.mjs): reads the RUN scripts of the Dockerfile texts it
// is sent and answers with their shell models (plain data, see lint/shell/preparse.ts). The editor
// starts it with the first Dockerfile, so the shell parser loads on the second core while the main
// thread loads the rest of the rule set (src/diagnostics/earlyShell.ts).
import { parentPort } from 'node:worker_threads';
import { preparseRuns } from '../shell/preparse';
import { errorText } from '../../model/errorText';

export interface ShellWorkerRequest { id: number; text: string }
export type ShellWorkerAnswer = { id: number; runs: ReturnType<typeof preparseRuns> } | { id: number; error: string };

parentPort?.on('message', ({ id, text }: ShellWorkerRequest) => {
  let answer: ShellWorkerAnswer;
  try {
    answer = { id, runs: preparseRuns(text) };
  } catch (err) {
    answer = { id, error: errorText(err) };
  }
  parentPort?.postMessage(answer);
});
