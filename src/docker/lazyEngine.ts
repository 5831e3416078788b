// An Engine whose adapter (dockerode, ssh2 and what they pull in: most of the extension's code)
// loads on the first request instead of when the extension starts, so opening a Dockerfile never
// pays for the engine client.
import type { EngineInfo } from '../model/types';
import type { Disposable, Engine, EventStreamListener } from './engine';
import { toEngineError } from './errors';

export interface LazyEngineOptions {
  /**
   * subscribe() waits for the first request, or this many ms, before it loads the adapter for the
   * event stream (the extension: events matter once something has asked the engine). Default: at once.
   */
  subscribeGraceMs?: number;
}

export function lazyEngine(info: EngineInfo, load: () => Promise<Engine>, options: LazyEngineOptions = {}): Engine {
  let adapter: Promise<Engine> | undefined;
  let markRequested = () => {};
  const requested = new Promise<void>((resolve) => { markRequested = resolve; });
  const loaded = () => (adapter ??= load());

  const subscribe = (listener: EventStreamListener): Disposable => {
    let subscription: Disposable | undefined;
    let disposed = false;
    let started = false;
    const start = () => {
      if (disposed || started) return;
      started = true;
      loaded().then((engine) => { if (!disposed) subscription = engine.subscribe(listener); },
        (err: unknown) => listener.onDisconnect(toEngineError(err, info.endpoint, 'load the engine client')));
    };
    const grace = options.subscribeGraceMs === undefined ? undefined : setTimeout(start, options.subscribeGraceMs);
    if (grace === undefined) start();
    else void requested.then(start);
    return { dispose: () => { disposed = true; clearTimeout(grace); subscription?.dispose(); } };
  };

  // Properties set on the engine (a test wrapping a method to count calls) win over the lazy ones.
  return new Proxy({} as Engine, {
    get(target, key) {
      if (Reflect.has(target, key)) return Reflect.get(target, key);
      if (key === 'info') return info;
      if (key === 'subscribe') return subscribe;
      if (typeof key !== 'string' || key === 'then') return undefined;
      return async (...args: unknown[]) => {
        markRequested();
        const engine = (await loaded()) as unknown as Record<string, (...a: unknown[]) => unknown>;
        return engine[key](...args);
      };
    },
  });
}
