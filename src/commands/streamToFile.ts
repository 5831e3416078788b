// Streams an engine tar (docker save, a container export) to a file with progress; cancelling or
// failing deletes the partial file. Shared by Save to .tar… and Export Filesystem to .tar….
import { createWriteStream, promises as fsp } from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Ctx } from '../ctx';
import { formatBytes } from '../model/format';

export interface SaveResult { path: string; bytes: number }

/** `what` names the stream for messages ("Saving x:1", "Save of x:1 cancelled"). */
export async function streamToFile(ctx: Ctx, what: { title: string; noun: string; done: string }, file: string,
  open: (signal: AbortSignal) => Promise<Readable>): Promise<SaveResult | undefined> {
  return ctx.prompter.progress(what.title, async (report, signal) => {
    let bytes = 0;
    let lastReport = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        if (bytes - lastReport > 4_000_000) { lastReport = bytes; report(`${formatBytes(bytes)} written`); }
        done(null, chunk);
      },
    });
    try {
      await pipeline(await open(signal), counter, createWriteStream(file), { signal });
    } catch (err) {
      await fsp.rm(file, { force: true });
      if (signal.aborted) {
        ctx.prompter.info(`${what.noun} cancelled; the partial file was deleted.`);
        return undefined;
      }
      throw err;
    }
    ctx.prompter.info(`${what.done} ${file} (${formatBytes(bytes)}).`);
    return { path: file, bytes };
  });
}
