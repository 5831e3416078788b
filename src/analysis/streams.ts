// Small stream helpers shared by the archive and layer readers.

interface Drainable {
  once(event: 'drain' | 'error' | 'close', listener: (...args: unknown[]) => void): unknown;
  off(event: 'drain' | 'error' | 'close', listener: (...args: unknown[]) => void): unknown;
}

/** Resolves on 'drain'; rejects if the stream errors or closes first (so a writer never hangs). */
export function drained(stream: Drainable): Promise<void> {
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      stream.off('drain', onDrain); stream.off('error', onError); stream.off('close', onClose);
    };
    const onDrain = (): void => { cleanup(); resolve(); };
    const onError = (err: unknown): void => { cleanup(); reject(err); };
    const onClose = (): void => { cleanup(); reject(new Error('stream closed')); };
    stream.once('drain', onDrain); stream.once('error', onError); stream.once('close', onClose);
  });
}

/** Where an entry's data (padded to 512-byte blocks) ends, from tar-stream's header offsets. */
export function entryEnd(header: { byteOffset?: number; size?: number; type?: string | null }): number {
  const size = header.type === 'directory' ? 0 : header.size ?? 0;
  return (header.byteOffset ?? 0) + Math.ceil(size / 512) * 512;
}

/**
 * Reads `input` up to `maxBytes` ahead of the consumer. The daemon writes `docker save` into a
 * socket with a few hundred KB of kernel buffer: without slack, every pause of ours (a GC, a burst
 * of small files) stalls the daemon too, and the stalls add up.
 */
const coalesceBytes = 512 * 1024;

export async function* readAhead(input: NodeJS.ReadableStream & { destroyed?: boolean }, maxBytes: number): AsyncGenerator<Buffer> {
  const queue: Buffer[] = [];
  let queued = 0;
  let ended = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  const onData = (chunk: Buffer): void => {
    queue.push(chunk);
    queued += chunk.length;
    if (queued >= maxBytes) input.pause();
    wake?.();
  };
  const onEnd = (): void => { ended = true; wake?.(); };
  const onError = (err: unknown): void => { failure ??= err; wake?.(); };
  const onClose = (): void => { if (!ended) failure ??= new Error('the input closed before its end'); wake?.(); };
  input.on('data', onData);
  input.on('end', onEnd);
  input.on('error', onError);
  input.on('close', onClose);
  try {
    for (;;) {
      if (queue.length) {
        // Behind the producer: hand on what piled up as one chunk, so the per-chunk costs downstream
        // shrink exactly when we need to catch up.
        let count = 1;
        let size = queue[0].length;
        while (count < queue.length && size + queue[count].length <= coalesceBytes) size += queue[count++].length;
        const chunk = count === 1 ? queue.shift()! : Buffer.concat(queue.splice(0, count), size);
        queued -= chunk.length;
        if (input.isPaused() && queued < maxBytes / 2) input.resume();
        yield chunk;
        continue;
      }
      if (failure) throw failure;
      if (ended) return;
      await new Promise<void>((resolve) => { wake = resolve; });
      wake = undefined;
    }
  } finally {
    input.off('data', onData);
    input.off('end', onEnd);
    input.off('error', onError);
    input.off('close', onClose);
  }
}
