// The first Dockerfiles' RUN scripts, read in a worker thread (src/lint/node/shellWorker.ts) while the
// main thread loads the rule set: the shell parser is about a third of what a first lint loads and
// runs, and machines have a second core. The lint takes a read only for exactly the text it was made
// from; once answered the worker ends, and later lints read scripts on the main thread as usual.
import { Worker } from 'node:worker_threads';
import type * as vscode from 'vscode';
import type { ShellWorkerAnswer } from '../lint/node/shellWorker';
import type { RunShell } from '../lint/shell/model';
import { errorText } from '../model/errorText';
import { markFirstLint } from './firstLint';

type Runs = ReadonlyMap<number, RunShell>;

/** Longest wait for the worker before the lint reads the scripts itself. */
const WAIT_MS = 3000;

export class EarlyShellReads implements vscode.Disposable {
  private readonly reads = new Map<string, { text: string; runs: Promise<Runs | undefined> }>();
  private worker: Worker | undefined;

  constructor(workerFile: string, docs: readonly vscode.TextDocument[], log: vscode.LogOutputChannel) {
    if (docs.length === 0) return;
    const pending = new Map<number, (runs: Runs | undefined) => void>();
    const settle = (id: number, runs: Runs | undefined) => {
      if (runs) markFirstLint('scripts-read');
      pending.get(id)?.(runs);
      pending.delete(id);
      if (pending.size === 0) this.stopWorker();
    };
    try {
      this.worker = new Worker(workerFile);
    } catch (err) {
      log.warn(`Reading RUN scripts ahead failed to start: ${errorText(err)}`);
      return;
    }
    this.worker.unref();
    this.worker.on('message', (a: ShellWorkerAnswer) => settle(a.id, 'runs' in a ? a.runs : undefined));
    this.worker.on('error', (err) => {
      log.warn(`Reading RUN scripts ahead failed: ${errorText(err)}`);
      for (const id of [...pending.keys()]) settle(id, undefined);
    });
    docs.forEach((doc, id) => {
      const text = doc.getText();
      const runs = new Promise<Runs | undefined>((resolve) => {
        pending.set(id, resolve);
        setTimeout(() => settle(id, undefined), WAIT_MS).unref();
      });
      this.reads.set(doc.uri.toString(), { text, runs });
      this.worker?.postMessage({ id, text });
    });
  }

  /** The scripts read for `doc` if `text` is what was read; each read is handed out once. */
  take(doc: vscode.TextDocument, text: string): Promise<Runs | undefined> {
    const key = doc.uri.toString();
    const read = this.reads.get(key);
    this.reads.delete(key);
    return read && read.text === text ? read.runs : Promise.resolve(undefined);
  }

  dispose(): void {
    this.reads.clear();
    this.stopWorker();
  }

  private stopWorker(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
