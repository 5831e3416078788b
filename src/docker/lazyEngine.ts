// An Engine whose adapter (dockerode, ssh2 and what they pull in: most of the extension's code)
// loads on the first request instead of when the extension starts, so opening a Dockerfile never
// pays for the engine client.
import type { EngineInfo } from '../model/types';
import type { Disposable, Engine, EventStreamListener } from './engine';
import { toEngineError } from './errors';
import type { QuickLists } from './quickList';

export interface LazyEngineOptions {
  /**
   * subscribe() waits for the first request, or this many ms, before it loads the adapter for the
   * event stream (the extension: events matter once something has asked the engine). Default: at once.
   */
  subscribeGraceMs?: number;
  /**
   * Lists answered without the adapter until it has loaded (quickList.ts); a failure there falls
   * back to the adapter. They do not load the adapter, and its load waits for those in flight, so
   * it does not slow them.
   */
  quick?: QuickLists;
}

/** How long the adapter's load waits after the quick lists came back: a view builds its rows and VS Code sends them. */
const quickAnswersLeaveMs = 50;

export function lazyEngine(info: EngineInfo, load: () => Promise<Engine>, options: LazyEngineOptions = {}): Engine {
  let adapter: Promise<Engine> | undefined;
  let ready = false;
  let markRequested = () => {};
  const requested = new Promise<void>((resolve) => { markRequested = resolve; });
  const quickRuns = new Set<Promise<unknown>>();
  const loaded = () => (adapter ??= afterQuickAnswersLeft().then(load).then((engine) => { ready = true; return engine; }));
  // Loading the adapter is one long synchronous stretch. VS Code sends an answer to the window on a
  // later timer turn, so the quick lists' answers (the first rows) would wait behind it: let them out.
  const afterQuickAnswersLeft = async () => {
    if (quickRuns.size === 0) return;
    await Promise.allSettled([...quickRuns]);
    await new Promise((resolve) => setTimeout(resolve, quickAnswersLeaveMs));
  };
  const quick = options.quick as Record<string, ((...a: unknown[]) => Promise<unknown>) | undefined> | undefined;

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
      const fast = quick?.[key];
      return async (...args: unknown[]) => {
        if (fast && !ready) {
          const run = fast(...args);
          quickRuns.add(run);
          try {
            return await run;
          } catch {
            // The adapter answers instead, with its own error if there is one.
          } finally {
            quickRuns.delete(run);
          }
          // Not a request for the adapter: loading it (most of the extension's code) the moment the
          // lists came back would run while the views' own code may still be loading, and delay the
          // first rows. It loads with the first other request, or when the event stream's grace ends.
        }
        markRequested();
        const engine = (await loaded()) as unknown as Record<string, (...a: unknown[]) => unknown>;
        return engine[key](...args);
      };
    },
  });
}
