// A growable list of 32-bit integers: 4 bytes an item where a JS array of numbers costs 8, for the
// per-entry and per-path tables that grow to millions of items.
export class IntList {
  private data = new Int32Array(16);
  length = 0;

  push(value: number): number {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
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
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

/** A copy of `array` with room for `capacity` items (for tables that keep several typed columns of one length). */
export function grow<A extends Int32Array | Uint32Array | Uint16Array | Uint8Array | Float64Array>(array: A, capacity: number): A {
  const out = new (array.constructor as new (length: number) => A)(capacity);
  out.set(array.subarray(0, Math.min(array.length, capacity)));
  return out;
}
