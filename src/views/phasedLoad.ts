// A view load in two phases: rows to show at once, and better rows that a slower read fills in later
// (Dangling: reclaimable bytes and the build cache from /system/df). The later rows must be shown
// after their own first phase, whichever settles first — a /system/df that another view already
// read is settled before the first phase is even shown — and only while no newer load has started.
// No vscode import: the ordering is unit-tested.

export interface Phased<T> {
  now: T;
  /** Better rows when the slow read answers; undefined keeps what `now` showed. */
  later?: Promise<T | undefined>;
}

export interface PhaseTargets<T> {
  showNow(rows: T): void;
  showLater(rows: T): void;
}

export class PhasedLoads<T> {
  private generation = 0;
  /** Settles when the later phase of the newest load has been shown, dropped or has failed. */
  settled: Promise<void> = Promise.resolve();

  /** Reads, shows the first phase, then chains the later one behind it. Rethrows a failed read. */
  async run(read: () => Promise<T | Phased<T>>, targets: PhaseTargets<T>): Promise<void> {
    const generation = ++this.generation;
    const loaded = await read();
    const { now, later } = isPhased(loaded) ? loaded : { now: loaded, later: undefined };
    targets.showNow(now);
    if (!later) return;
    // Chained only now, after showNow: an already-settled `later` cannot overtake the first phase.
    this.settled = later.then(
      (rows) => { if (rows !== undefined && generation === this.generation) targets.showLater(rows); },
      () => undefined,
    );
  }
}

function isPhased<T>(value: T | Phased<T>): value is Phased<T> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'now' in value;
}
