// Followed container logs (View Logs): one output channel per container; viewing its logs again
// stops the previous follow and starts afresh in the same channel.
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { containerName } from '../model/containers';
import type { ContainerSummary } from '../model/types';

/** A followed log: text goes to an output channel until stopped, cancelled, or the container ends. */
export interface LogFollow {
  channel: vscode.OutputChannel;
  /** Everything received so far (capped), for tests. */
  text(): string;
  stop(): void;
  /** Resolves when following ends. */
  done: Promise<void>;
}

export class LogFollows {
  private readonly byId = new Map<string, LogFollow>();

  constructor(private readonly ctx: Ctx) {}

  follow(c: ContainerSummary): LogFollow {
    const ctx = this.ctx;
    const previous = this.byId.get(c.id);
    previous?.stop();
    const channel = previous?.channel ?? vscode.window.createOutputChannel(`Layerscope logs: ${containerName(c)}`);
    if (!previous) ctx.push(channel);
    channel.clear();
    channel.show(true);
    let seen = '';
    const abort = new AbortController();
    const done = ctx.prompter.progress(`Following logs of ${containerName(c)} (cancel to stop)`, async (_report, signal) => {
      signal.addEventListener('abort', () => abort.abort());
      const stream = await ctx.engine.containerLogs(c.id, { follow: true, tail: 1000 }, abort.signal);
      try {
        for await (const chunk of stream) {
          const text = chunk.toString();
          channel.append(text);
          seen = (seen + text).slice(-200_000);
        }
      } catch (err) {
        if (!abort.signal.aborted) throw err;
      }
      channel.appendLine(abort.signal.aborted ? '--- stopped following ---' : '--- the container stopped ---');
    });
    const follow: LogFollow = { channel, text: () => seen, stop: () => abort.abort(), done };
    this.byId.set(c.id, follow);
    return follow;
  }
}
