// Newline-delimited JSON from a byte stream (GET /events, POST /images/load). Chunks may split a
// line, or a multi-byte character, anywhere.
import { StringDecoder } from 'node:string_decoder';

export class NdjsonParser {
  private readonly decoder = new StringDecoder('utf8');
  private pending = '';

  constructor(
    private readonly onValue: (value: unknown) => void,
    private readonly onBadLine: (line: string, error: Error) => void = () => undefined,
  ) {}

  push(chunk: Buffer | string): void {
    this.pending += typeof chunk === 'string' ? chunk : this.decoder.write(chunk);
    let newline: number;
    while ((newline = this.pending.indexOf('\n')) >= 0) {
      const line = this.pending.slice(0, newline);
      this.pending = this.pending.slice(newline + 1);
      this.emit(line);
    }
  }

  /** The stream ended: a last line without a newline still counts. */
  end(): void {
    this.pending += this.decoder.end();
    const rest = this.pending;
    this.pending = '';
    this.emit(rest);
  }

  private emit(raw: string): void {
    const line = raw.trim();
    if (!line) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      this.onBadLine(line, e as Error);
      return;
    }
    this.onValue(value);
  }
}
