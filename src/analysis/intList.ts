// Growable lists of numbers over typed arrays: 4 bytes an item (1 for bytes) where a JS array of
// numbers costs 8 and an object per item far more, for the per-entry and per-path tables that grow
// to millions of items.
type Typed = Int32Array | Uint32Array | Uint16Array | Uint8Array | Float64Array;

class TypedList<A extends Typed> {
  private data: A;
  length = 0;

  constructor(private readonly make: (length: number) => A) {
    this.data = make(16);
  }

  push(value: number): number {
    if (this.length === this.data.length) {
      const grown = this.make(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length] = value;
    return this.length++;
  }

  get(index: number): number {
    return this.data[index];
  }

  set(index: number, value: number): void {
    this.data[index] = value;
  }

  /** The items as a typed array view (valid until the next push). */
  view(): A {
    return this.data.subarray(0, this.length) as A;
  }

  /** Drops the spare capacity (for tables kept after they stop growing). */
  trim(): void {
    if (this.data.length > this.length) this.data = this.data.slice(0, this.length) as A;
  }
}

export class IntList extends TypedList<Int32Array> {
  constructor() { super((n) => new Int32Array(n)); }
}

export class Uint32List extends TypedList<Uint32Array> {
  constructor() { super((n) => new Uint32Array(n)); }
}

export class Uint16List extends TypedList<Uint16Array> {
  constructor() { super((n) => new Uint16Array(n)); }
}

export class ByteList extends TypedList<Uint8Array> {
  constructor() { super((n) => new Uint8Array(n)); }
}

export class Float64List extends TypedList<Float64Array> {
  constructor() { super((n) => new Float64Array(n)); }
}
