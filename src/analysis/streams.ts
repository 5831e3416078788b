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
