// Which rows a view redraws, and when: the rows asked for in one turn of the event loop (a retime of
// many rows, a row and its group) go out together on the next turn, and never while VS Code waits
// for children from the view. Bursts across turns (a stop is kill, die and stop events) VS Code's
// extension host gathers itself: it redraws at once, then at most every 200 ms. Waiting here as well
// would only delay a start's redraw (the explorer bench's (d)). A redrawn row makes VS Code re-ask for every
// expanded row below it, and VS Code 1.100's extension host files the children of a row redrawn
// while they were on their way under a row it has already dropped; from then on every answer for
// that row fails with "Element with id … is already registered" (rows vanish, clicks land on
// nothing). The whole tree is safe: VS Code then drops the answers it waits for.
// No vscode import: the timing is unit-tested.

/** Above this many rows to redraw, one redraw of the whole tree is cheaper. */
const manyRows = 50;

export class RedrawBatch<T> {
  /** Rows waiting (undefined: the whole tree). */
  private readonly waiting = new Set<T | undefined>();
  private timer: NodeJS.Timeout | undefined;
  /** getChildren calls VS Code is still waiting for. */
  private answering = 0;

  /** `fire(undefined)` redraws the whole tree. */
  constructor(private readonly fire: (rows: T[] | undefined) => void) {}

  /** Redraws these rows (undefined: the whole tree), together with the others asked for in this turn. */
  add(rows: Iterable<T | undefined>): void {
    for (const r of rows) this.waiting.add(r);
    if (this.waiting.size) this.timer ??= setTimeout(() => this.flush(), 0);
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
    this.fire(whole ? undefined : rows as T[]);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.waiting.clear();
  }
}
