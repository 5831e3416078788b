// The one place requests reach the engine: dockerode's modem for the wire (unix socket, named pipe,
// TCP/TLS, SSH), API version negotiation, AbortSignal plumbing and error mapping. Every Engine
// method goes through request(); nothing else builds promises around dockerode callbacks.
import * as http from 'node:http';
import * as https from 'node:https';
import type { Socket } from 'node:net';
import { PassThrough, type Readable } from 'node:stream';
import Docker from 'dockerode';
import { chooseApiVersion } from './apiVersion';
import type { Connection } from './connection';
import { toEngineError, unreachable } from './errors';

export { MAX_API_VERSION, MIN_API_VERSION, compareVersions, minVersion } from './apiVersion';

/**
 * A tcp:// engine whose host drops packets would otherwise hang for the OS connect timeout (minutes)
 * before the views can say "not reachable". Unix sockets and named pipes fail at once anyway.
 */
export const CONNECT_TIMEOUT_MS = 5000;

export interface ApiRequest {
  method: 'GET' | 'POST' | 'DELETE' | 'PUT' | 'HEAD';
  path: string;
  query?: Record<string, string | number | boolean | string[] | object | undefined>;
  body?: unknown;
  /** A request body to stream (POST /images/load). */
  file?: Readable;
  /** Status codes that mean success; default 200, 201, 204, 304. */
  ok?: number[];
  /** The operation in a person's words, for error messages ("remove image x:1"). */
  what: string;
}

export interface VersionJson {
  Version?: string; ApiVersion?: string; MinAPIVersion?: string; Os?: string; Arch?: string;
}

export class Transport {
  readonly docker: Docker | undefined;
  private negotiation: Promise<string> | undefined;
  private negotiatedVersion = '';

  constructor(private readonly connection: Connection, connectTimeoutMs = CONNECT_TIMEOUT_MS) {
    const options = connection.options;
    const agent = options && 'protocol' in options && options.protocol !== 'ssh'
      ? connectTimeoutAgent(options.protocol, connectTimeoutMs, options.verify !== false)
      : undefined;
    this.docker = options ? withoutDockerEnv(() => new Docker({ ...options })) : undefined;
    // docker-modem uses `agent` for every request (its typings omit it).
    if (this.docker && agent) (this.docker.modem as { agent?: http.Agent }).agent = agent;
  }

  get endpoint(): string { return this.connection.info.endpoint; }
  /** '' until the first request negotiated it. */
  get apiVersion(): string { return this.negotiatedVersion; }

  /** JSON (or text) body of a request. */
  async json<T = unknown>(req: ApiRequest, signal?: AbortSignal): Promise<T> {
    return (await this.dial(req, false, signal)) as T;
  }

  /** Waits for a request someone else started; only this caller's wait ends ('aborted') when its signal fires. */
  async join<T>(request: Promise<T>, what: string, signal?: AbortSignal): Promise<T> {
    try {
      return await untilAborted(request, signal);
    } catch (e) {
      throw signal?.aborted ? toEngineError(e, this.endpoint, what) : e;
    }
  }

  /**
   * The response body as a stream; the caller consumes or destroys it. Its errors are EngineErrors
   * ('aborted' when the signal fired, 'unreachable' when the engine went away mid-stream).
   */
  async stream(req: ApiRequest, signal?: AbortSignal): Promise<Readable> {
    const res = (await this.dial(req, true, signal)) as http.IncomingMessage;
    const out = new PassThrough();
    let ended = false;
    res.on('end', () => { ended = true; });
    res.on('error', (e) => out.destroy(toEngineError(signal?.aborted ? abortError() : e, this.endpoint, req.what)));
    // A socket closed before the body ended: the engine stopped or the connection dropped.
    res.on('close', () => {
      if (!ended && !out.destroyed) out.destroy(toEngineError(signal?.aborted ? abortError() : unreachable(this.endpoint, 'connection lost'), this.endpoint, req.what));
    });
    out.on('close', () => res.destroy());
    res.pipe(out);
    return out;
  }

  /** The response headers of a body-less request (`HEAD /containers/{id}/archive`). */
  async headers(req: ApiRequest, signal?: AbortSignal): Promise<http.IncomingHttpHeaders> {
    const res = (await this.dial(req, true, signal)) as http.IncomingMessage;
    res.resume();
    return res.headers;
  }

  /**
   * min(the engine's API version, ours), once per transport (retried after a failure). Shared by
   * concurrent callers, so no caller's signal cancels it; they just stop waiting.
   */
  negotiate(): Promise<string> {
    if (!this.negotiation) {
      this.negotiation = this.engineApiVersion()
        .then((engineVersion) => {
          const version = chooseApiVersion(engineVersion);
          this.negotiatedVersion = version;
          // The modem prefixes every later path with /vX.Y.
          (this.docker!.modem as { version?: string }).version = `v${version}`;
          return version;
        });
      // A failed attempt (daemon down, aborted) must not stick: the next call tries again.
      this.negotiation.catch(() => { this.negotiation = undefined; });
    }
    return this.negotiation;
  }

  /**
   * The `API-Version` header of `GET /_ping` (as the docker CLI negotiates), else `/version`'s
   * ApiVersion: the ping answers in a few ms where `/version` takes 40–190 ms (it asks containerd).
   */
  private async engineApiVersion(): Promise<unknown> {
    const ping = await this.raw<http.IncomingMessage>({ method: 'GET', path: '/_ping', what: 'reach the engine' }, true);
    ping.resume();
    const header = ping.headers['api-version'];
    if (header) return header;
    return (await this.raw<VersionJson>({ method: 'GET', path: '/version', what: 'read the engine version' }, false))?.ApiVersion;
  }

  private async dial(req: ApiRequest, stream: boolean, signal?: AbortSignal): Promise<unknown> {
    try {
      await untilAborted(this.negotiate(), signal);
    } catch (e) {
      throw toEngineError(e, this.endpoint, req.what);
    }
    return this.raw(req, stream, signal);
  }

  private raw<T>(req: ApiRequest, stream: boolean, signal?: AbortSignal): Promise<T> {
    const docker = this.docker;
    if (!docker) return Promise.reject(this.connection.error);
    if (signal?.aborted) return Promise.reject(toEngineError(signal.reason ?? abortError(), this.endpoint, req.what));
    const query = compact(req.query);
    const statusCodes: Record<number, boolean> = {};
    for (const code of req.ok ?? [200, 201, 204, 304]) statusCodes[code] = true;
    return new Promise<T>((resolve, reject) => {
      docker.modem.dial({
        path: query ? `${req.path}?` : req.path,
        method: req.method,
        // The modem reads `_query` for the URL and `_body` for a POST body ({} sends none).
        options: { _query: query, _body: req.body ?? {} },
        file: req.file,
        isStream: stream,
        statusCodes,
        abortSignal: signal,
      } as Parameters<typeof docker.modem.dial>[0], (err: unknown, data: unknown) => {
        if (err) reject(toEngineError(err, this.endpoint, req.what));
        else resolve(data as T);
      });
    });
  }
}

/** Node's keep-alive agent, with a limit on the TCP (and TLS) connect only, not on slow answers. */
function connectTimeoutAgent(protocol: 'http' | 'https', ms: number, verify: boolean): http.Agent {
  const agent = protocol === 'https'
    ? new https.Agent({ keepAlive: true, rejectUnauthorized: verify })
    : new http.Agent({ keepAlive: true });
  type Create = (options: object, callback?: unknown) => Socket;
  const create = (agent as unknown as { createConnection: Create }).createConnection.bind(agent);
  (agent as unknown as { createConnection: Create }).createConnection = (options, callback) => {
    const socket = create(options, callback);
    const { host, port } = options as { host?: string; port?: number };
    const timer = setTimeout(() => {
      socket.destroy(Object.assign(new Error(`connect ETIMEDOUT ${host}:${port} (no answer in ${ms} ms)`), { code: 'ETIMEDOUT' }));
    }, ms);
    socket.once('connect', () => clearTimeout(timer));
    socket.once('close', () => clearTimeout(timer));
    return socket;
  };
  return agent;
}

/** Path segment(s) for a name or ID; keeps the slashes of `repo/name:tag`. */
export function seg(ref: string): string {
  return ref.split('/').map(encodeURIComponent).join('/');
}

function compact(query: ApiRequest['query']): Record<string, unknown> | undefined {
  if (!query) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(query)) if (v !== undefined) out[k] = v;
  return Object.keys(out).length ? out : undefined;
}

/** Resolves like `promise`, or rejects with an AbortError as soon as `signal` fires. */
function untilAborted<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function abortError(): Error {
  const e = new Error('The operation was aborted');
  e.name = 'AbortError';
  return e;
}

/**
 * docker-modem folds DOCKER_HOST/DOCKER_CERT_PATH from process.env into every modem (and throws on a
 * malformed one). We resolved the connection ourselves, so hide them while the modem is built.
 */
function withoutDockerEnv<T>(build: () => T): T {
  const keys = ['DOCKER_HOST', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH', 'DOCKER_CLIENT_TIMEOUT', 'DOCKER_PATH_PREFIX'];
  const saved = keys.map((k) => [k, process.env[k]] as const);
  for (const k of keys) delete process.env[k];
  try {
    return build();
  } finally {
    for (const [k, v] of saved) if (v !== undefined) process.env[k] = v;
  }
}
