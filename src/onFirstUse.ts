// A service whose code loads on first use (ARCHITECTURE.md "Loading on first use"): `get()` loads it
// once; `whenLoaded()` lets another area decorate it without loading it at activation.

export class OnFirstUse<T> {
  private loading?: Promise<T>;
  private value?: T;
  private readonly waiting: ((value: T) => void)[] = [];

  constructor(private readonly load: () => Promise<T>) {}

  /** The service, loading it on the first call (a failed load is tried again on the next call). */
  get(): Promise<T> {
    this.loading ??= this.load().then((value) => {
      this.value = value;
      for (const attach of this.waiting.splice(0)) attach(value);
      return value;
    }, (err: unknown) => {
      this.loading = undefined;
      throw err;
    });
    return this.loading;
  }

  /** The service if it has loaded, without loading it. */
  get loaded(): T | undefined {
    return this.value;
  }

  /** Calls `attach` with the service: now when it has loaded, else when it first loads. */
  whenLoaded(attach: (value: T) => void): void {
    if (this.value !== undefined) attach(this.value);
    else this.waiting.push(attach);
  }
}
