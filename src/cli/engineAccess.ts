// How every CLI command reaches the engine: one connection from the environment (DOCKER_HOST, the
// docker context, the default socket), an abort signal Ctrl-C fires, and a missing image in words.
import { homedir } from 'node:os';
import type { Readable } from 'node:stream';
import { createEngine } from '../docker/connect';
import { EngineError, type Engine } from '../docker/engine';

export function cliEngine(): Engine {
  return createEngine({ setting: '', env: process.env, homeDir: homedir() });
}

/** IMAGE's save stream (`docker save`), from `engine` or a new connection. */
export function saveStream(image: string, signal?: AbortSignal, engine: Engine = cliEngine()): Promise<Readable> {
  return engine.saveImages([image], signal);
}

/** `no image 'x' on the engine (…)` for a missing image; undefined for any other error. */
export function missingImageText(err: unknown, image: string): string | undefined {
  return err instanceof EngineError && err.code === 'notFound' ? `no image '${image}' on the engine (${err.message})` : undefined;
}

/** Runs `work` with a signal that Ctrl-C aborts (the handler is removed when it ends). */
export async function untilInterrupted<T>(work: (controller: AbortController) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onSigint = (): void => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    return await work(controller);
  } finally {
    process.off('SIGINT', onSigint);
  }
}
