// Follows GET /events for as long as someone listens. When the stream ends (dockerd died,
// restarted, the socket vanished) it says so at once, retries with a short then growing delay, and
// asks listeners to re-list everything after each (re)connect, since events in the gap are lost.
import type { Disposable, EngineError, EventStreamListener } from './engine';
import { toEngineError, unreachable } from './errors';
import { mapEvent } from './mapping';
import { NdjsonParser } from './ndjson';
import type { Transport } from './transport';

export interface BackoffOptions {
  /** First retry delay; small so a restarted daemon is noticed within a second or two. */
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 250, maxMs: 5000 };

const WHAT = 'follow engine events';

export function subscribeEvents(
  transport: Transport,
  listener: EventStreamListener,
  backoff: BackoffOptions = DEFAULT_BACKOFF,
): Disposable {
  const sub = new EventSubscription(transport, listener, backoff);
  sub.connect();
  return sub;
}

class EventSubscription implements Disposable {
  private disposed = false;
  private controller: AbortController | undefined;
  private timer: NodeJS.Timeout | undefined;
  private delay: number;
  private connected = false;
  private lastError = '';

  constructor(
    private readonly transport: Transport,
    private readonly listener: EventStreamListener,
    private readonly backoff: BackoffOptions,
  ) {
    this.delay = backoff.initialMs;
  }

  connect(): void {
    if (this.disposed) return;
    const controller = new AbortController();
    this.controller = controller;
    this.transport.stream({ method: 'GET', path: '/events', what: WHAT }, controller.signal).then(
      (res) => {
        if (this.disposed) { res.destroy(); return; }
        this.connected = true;
        this.lastError = '';
        this.delay = this.backoff.initialMs;
        this.call(() => this.listener.onResync());
        const parser = new NdjsonParser((value) => {
          const event = mapEvent(value);
          if (event && !this.disposed) this.call(() => this.listener.onEvent(event));
        });
        let finished = false;
        const finish = (err?: unknown) => {
          if (finished) return;
          finished = true;
          parser.end();
          res.destroy();
          this.lost(err ?? unreachable(this.transport.endpoint, 'connection lost'));
        };
        res.on('data', (chunk: Buffer) => parser.push(chunk));
        res.on('error', finish);
        res.on('end', () => finish());
        res.on('close', () => finish());
      },
      (err: unknown) => this.lost(err),
    );
  }

  private lost(err: unknown): void {
    if (this.disposed) return;
    const error: EngineError = toEngineError(err, this.transport.endpoint, WHAT);
    // Say it once per outage, and again only when the reason changes (stopped -> socket gone).
    if (this.connected || error.message !== this.lastError) this.call(() => this.listener.onDisconnect(error));
    this.connected = false;
    this.lastError = error.message;
    // A bad address or certificate stays bad until the settings change, which builds a new engine.
    if (error.code === 'config') return;
    this.timer = setTimeout(() => this.connect(), this.delay);
    this.delay = Math.min(this.delay * 2, this.backoff.maxMs);
  }

  /** A throwing listener must not stop the stream for the others. */
  private call(fn: () => void): void {
    try { fn(); } catch { /* the listener's own bug; keep streaming */ }
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.controller?.abort();
  }
}
