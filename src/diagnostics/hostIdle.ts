// A quiet moment in this process (the extension host): a chain of short timers that all fire on
// time means nothing else holds the thread (other extensions activating, the window starting).
// Node has no requestIdleCallback; this is its small stand-in. No `vscode`: unit-tested as is.

export interface IdleOptions {
  /** How long timers must keep firing on time. */
  quietMs?: number;
  /** The gap between two timers. */
  stepMs?: number;
  /** How late a timer may fire and still count as on time. */
  slackMs?: number;
  /** Go anyway after this long: a host that is never quiet still gets the work. */
  maxWaitMs?: number;
  /** Stops waiting (the extension was deactivated). */
  signal?: AbortSignal;
  now?: () => number;
  setTimer?: (run: () => void, ms: number) => void;
}

export type IdleOutcome = 'idle' | 'timeout' | 'aborted';

export function whenHostIdle(options: IdleOptions = {}): Promise<IdleOutcome> {
  const { quietMs = 150, stepMs = 25, slackMs = 10, maxWaitMs = 5000, signal } = options;
  const now = options.now ?? (() => performance.now());
  const setTimer = options.setTimer ?? ((run, ms) => { setTimeout(run, ms); });
  return new Promise((resolve) => {
    const started = now();
    let quietSince = started;
    let due = started + stepMs;
    const tick = () => {
      if (signal?.aborted) return resolve('aborted');
      const t = now();
      if (t - due > slackMs) quietSince = t;
      if (t - quietSince >= quietMs) return resolve('idle');
      if (t - started >= maxWaitMs) return resolve('timeout');
      due = t + stepMs;
      setTimer(tick, stepMs);
    };
    setTimer(tick, stepMs);
  });
}

/** One turn of the event loop (after pending I/O): splits start-up work into steps. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => { setImmediate(resolve); });
