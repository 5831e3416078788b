// The Engine while the engine's own code (where the engine is, the quick lists, the adapter's door)
// is still loading, so that activate() need not load it: a request waits for the real engine and
// goes to it; once it is there, everything reads through. The glue swaps the real one into the
// context as soon as it has loaded, so this answers only what was asked in the first moments.
import type { Disposable, Engine, EventStreamListener } from './engine';

export function pendingEngine(loading: Promise<Engine>): Engine {
  let engine: Engine | undefined;
  const ready = loading.then((e) => (engine = e));
  ready.catch(() => undefined);
  const subscribe = (listener: EventStreamListener): Disposable => {
    let subscription: Disposable | undefined;
    let disposed = false;
    ready.then((e) => { if (!disposed) subscription = e.subscribe(listener); }, () => undefined);
    return { dispose: () => { disposed = true; subscription?.dispose(); } };
  };
  return new Proxy({} as Engine, {
    get(_target, key) {
      if (engine) {
        const value: unknown = Reflect.get(engine, key);
        return typeof value === 'function' ? value.bind(engine) : value;
      }
      if (key === 'subscribe') return subscribe;
      if (key === 'info') throw new Error('Layerscope: the engine is still loading.');
      if (typeof key !== 'string' || key === 'then') return undefined;
      return async (...args: unknown[]) => {
        const real = (await ready) as unknown as Record<string, (...a: unknown[]) => unknown>;
        return real[key](...args);
      };
    },
  });
}
