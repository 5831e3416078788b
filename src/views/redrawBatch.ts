// Which rows a view redraws, and when: at once (on the next turn of the event loop) after a quiet
// spell, else gathered until `delayMs` after the last redraw (a stop is kill, die and stop events),
// and never while VS Code waits for children from the view. A redrawn row makes VS Code re-ask for every
// expanded row below it, and VS Code 1.100's extension host files the children of a row redrawn
// while they were on their way under a row it has already dropped; from then on every answer for
// that row fails with "Element with id … is already registered" (rows vanish, clicks land on
// nothing). The whole tree is safe: VS Code then drops the answers it waits for.
// No vscode import: the timing is unit-tested.

/** At most one redraw per this many ms; a redraw after a quiet spell goes out at once. */
export const redrawBatchMs = 50;

/** Above this many rows to redraw, one redraw of the whole tree is cheaper. */
const manyRows = 50;

export class RedrawBatch<T> {
  /** Rows waiting (undefined: the whole tree). */
  private readonly waiting = new Set<T | undefined>();
  private timer: NodeJS.Timeout | undefined;
  /** getChildren calls VS Code is still waiting for. */
  private answering = 0;
  private lastFired = -Infinity;

  /** `fire(undefined)` redraws the whole tree. */
  constructor(private readonly fire: (rows: T[] | undefined) => void, private readonly delayMs = redrawBatchMs) {}

  /** Redraws these rows (undefined: the whole tree), together with the others asked for meanwhile. */
  add(rows: Iterable<T | undefined>): void {
    for (const r of rows) this.waiting.add(r);
    if (!this.waiting.size || this.timer) return;
    const sinceLast = performance.now() - this.lastFired;
    this.timer = setTimeout(() => this.flush(), Math.max(0, this.delayMs - sinceLast));
  }

  /** The whole tree was just redrawn another way: what waits is covered. */
  clear(): void {
    this.waiting.clear();
  }

  /** Runs one answer to VS Code; rows wait until the last answer is out. */
  async answer<R>(work: () => Promise<R>): Promise<R> {
    this.answering++;
    try {
      return await work();
    } finally {
      if (--this.answering === 0) this.add([]);
    }
  }

  private flush(): void {
    this.timer = undefined;
    const rows = [...this.waiting];
    if (!rows.length) return;
    const whole = rows.includes(undefined) || rows.length > manyRows;
    if (this.answering > 0 && !whole) return; // answer() flushes when the last answer is out
    this.waiting.clear();
    this.lastFired = performance.now();
    this.fire(whole ? undefined : rows as T[]);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.waiting.clear();
  }
}
