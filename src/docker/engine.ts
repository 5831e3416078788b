// The one port through which the extension talks to a container engine. Glue code and the
// CLI depend on this interface only; src/docker/dockerodeEngine.ts implements it.
import type { Readable } from 'node:stream';
import type {
  ContainerSummary, DiskUsage, EngineEvent, EngineInfo, EngineVersion, HistoryEntry,
  ImageSummary, NetworkSummary, RemovedItem, RunSpec, StatsFrame, VolumeSummary,
} from '../model/types';
import type { ContainerLayerEngine } from './containerLayerCalls';

export interface ListImagesOptions {
  /** Include intermediate images (legacy builder parents). */
  all?: boolean;
  /** Only dangling images (`dangling=true`). */
  dangling?: boolean;
}

export interface LogsOptions {
  follow: boolean;
  tail?: number;
  timestamps?: boolean;
}

export interface ContainerTop {
  titles: string[];
  processes: string[][];
}

export interface ContainerStatsSample {
  cpuPercent: number;
  memoryUsage: number;
  memoryLimit: number;
}

export interface EventStreamListener {
  onEvent(event: EngineEvent): void;
  /** The stream (re)connected after a gap: listeners must re-list everything they show. */
  onResync(): void;
  /** The stream lost the engine; it retries with backoff until disposed. */
  onDisconnect(error: EngineError): void;
}

export interface Disposable { dispose(): void }

/** The Engine port; a container's own layer and files: see ContainerLayerEngine (containerLayerCalls.ts). */
export interface Engine extends ContainerLayerEngine {
  readonly info: EngineInfo;
  ping(signal?: AbortSignal): Promise<void>;
  version(signal?: AbortSignal): Promise<EngineVersion>;

  listImages(options: ListImagesOptions, signal?: AbortSignal): Promise<ImageSummary[]>;
  /** Raw inspect JSON, for the read-only inspect document. */
  inspectImage(ref: string, signal?: AbortSignal): Promise<Record<string, unknown>>;
  imageHistory(ref: string, signal?: AbortSignal): Promise<HistoryEntry[]>;
  tagImage(ref: string, repo: string, tag: string, signal?: AbortSignal): Promise<void>;
  removeImage(ref: string, options: { force?: boolean; noPrune?: boolean }, signal?: AbortSignal): Promise<RemovedItem[]>;
  /** `GET /images/get?names=…`: a tar stream of the images (docker save). */
  saveImages(refs: string[], signal?: AbortSignal): Promise<Readable>;
  /** `POST /images/load`: returns the engine's progress text. */
  loadImages(tar: Readable, signal?: AbortSignal): Promise<string>;

  listContainers(options: { all: boolean }, signal?: AbortSignal): Promise<ContainerSummary[]>;
  /** One container by ID, as the list would show it; undefined when it no longer exists. */
  getContainer(id: string, signal?: AbortSignal): Promise<ContainerSummary | undefined>;
  inspectContainer(id: string, signal?: AbortSignal): Promise<Record<string, unknown>>;
  startContainer(id: string, signal?: AbortSignal): Promise<void>;
  stopContainer(id: string, signal?: AbortSignal): Promise<void>;
  restartContainer(id: string, signal?: AbortSignal): Promise<void>;
  pauseContainer(id: string, signal?: AbortSignal): Promise<void>;
  unpauseContainer(id: string, signal?: AbortSignal): Promise<void>;
  removeContainer(id: string, options: { force?: boolean; volumes?: boolean }, signal?: AbortSignal): Promise<void>;
  /** Demultiplexed log text (stdout and stderr interleaved). Ends when the container stops or signal aborts. */
  containerLogs(id: string, options: LogsOptions, signal?: AbortSignal): Promise<Readable>;
  containerTop(id: string, signal?: AbortSignal): Promise<ContainerTop>;
  containerStats(id: string, signal?: AbortSignal): Promise<ContainerStatsSample>;

  listVolumes(signal?: AbortSignal): Promise<VolumeSummary[]>;
  removeVolume(name: string, signal?: AbortSignal): Promise<void>;
  diskUsage(signal?: AbortSignal): Promise<DiskUsage>;
  /** Removes build cache records by ID (`POST /build/prune` with `filters={"id":[ID]}`, one request each); returns bytes reclaimed. */
  pruneBuildCache(ids: string[], signal?: AbortSignal): Promise<number>;

  /** Subscribes to `GET /events`; reconnects with backoff and calls onResync after each reconnect. */
  subscribe(listener: EventStreamListener): Disposable;

  // ── Volumes, networks, run and streamed stats (issue 10 §3–4) ──
  inspectVolume(name: string, signal?: AbortSignal): Promise<Record<string, unknown>>;
  /** `POST /volumes/create`; no name: the engine picks one. Returns the volume. */
  createVolume(options: { name?: string; driver?: string; labels?: Record<string, string> }, signal?: AbortSignal): Promise<VolumeSummary>;
  listNetworks(signal?: AbortSignal): Promise<NetworkSummary[]>;
  inspectNetwork(id: string, signal?: AbortSignal): Promise<Record<string, unknown>>;
  /** `POST /networks/create` (CheckDuplicate); returns the new network's ID. */
  createNetwork(options: CreateNetworkOptions, signal?: AbortSignal): Promise<string>;
  removeNetwork(id: string, signal?: AbortSignal): Promise<void>;
  /** `POST /containers/create` from a RunSpec; returns the new container's ID (not started). */
  createContainer(spec: RunSpec, signal?: AbortSignal): Promise<string>;
  /**
   * `GET /containers/{id}/stats` streaming (one frame about every second) until the container
   * stops or `signal` aborts; resolves then. One request per container, no polling.
   */
  streamStats(id: string, onFrame: (frame: StatsFrame) => void, signal?: AbortSignal): Promise<void>;
}

export interface CreateNetworkOptions {
  name: string;
  /** Default 'bridge'. */
  driver?: string;
  /** No route outside the network. */
  internal: boolean;
  /** e.g. '172.30.0.0/24'; '' lets the engine choose. */
  subnet?: string;
  labels?: Record<string, string>;
}

export type EngineErrorCode =
  | 'unreachable'    // socket missing, connection refused, DNS, timeout
  | 'permission'     // EACCES on the socket
  | 'notFound'       // 404
  | 'conflict'       // 409 (in use, already started, ...)
  | 'aborted'        // the caller's signal aborted
  | 'badRequest'     // 400
  | 'server'         // 5xx and anything else
  | 'config';        // a bad host setting / context

/** Every failure leaves the Engine layer as one of these, with a message a person can act on. */
export class EngineError extends Error {
  constructor(
    readonly code: EngineErrorCode,
    message: string,
    readonly endpoint: string,
    readonly statusCode?: number,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}
