// Engine-neutral shapes the whole extension works with. The dockerode adapter maps the
// Engine API's JSON into these; nothing outside src/docker/ sees raw API field names.
import type { StatusClock } from './liveStatus';

export interface ImageSummary {
  /** Full ID, `sha256:…`. */
  id: string;
  /** `repo:tag` strings; empty for an untagged image (`<none>:<none>` is dropped). */
  repoTags: string[];
  repoDigests: string[];
  /** Parent image ID (legacy builder), '' when none. */
  parentId: string;
  /** Creation time, seconds since the epoch. */
  created: number;
  /** Total bytes of the image, layers shared with other images included. */
  size: number;
  /** Bytes shared with other local images; undefined when the engine did not compute it. */
  sharedSize?: number;
  /** Number of containers using this image; undefined when the engine did not compute it. */
  containers?: number;
  labels: Record<string, string>;
}

export type ContainerState = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

export interface PortMapping {
  privatePort: number;
  publicPort?: number;
  type: string;
  ip?: string;
}

export interface ContainerSummary {
  id: string;
  /** Names without the leading slash. */
  names: string[];
  /** Image reference as the container was created with it. */
  image: string;
  imageId: string;
  command: string;
  created: number;
  state: ContainerState;
  /** Human status, e.g. "Up 3 minutes (healthy)", as the engine said it when read. */
  status: string;
  /** What the status counts from, so views re-word it as time passes (model/liveStatus.ts). */
  statusClock?: StatusClock;
  health?: 'healthy' | 'unhealthy' | 'starting';
  ports: PortMapping[];
  labels: Record<string, string>;
  /** Named volumes and networks, when the engine listed them (the container list does; inspect too). */
  attachments?: ContainerAttachments;
}

export interface HistoryEntry {
  /** Image ID for entries that are images themselves, else '<missing>'. */
  id: string;
  created: number;
  createdBy: string;
  tags: string[];
  size: number;
  comment: string;
}

export interface VolumeSummary {
  name: string;
  driver: string;
  mountpoint: string;
  /** Bytes, -1 when unknown. */
  size: number;
  /** Containers referencing it, -1 when unknown. */
  refCount: number;
  labels: Record<string, string>;
}

export interface BuildCacheRecord {
  id: string;
  type: string;
  description: string;
  inUse: boolean;
  shared: boolean;
  size: number;
  createdAt: string;
  lastUsedAt?: string;
  usageCount: number;
  /** Records this one builds on; the engine will not remove a record while a child of it remains. */
  parents?: string[];
}

/** `GET /system/df`, normalised across the API ≤ 1.51 and ≥ 1.53 shapes. */
export interface DiskUsage {
  layersSize: number;
  images: ImageSummary[];
  containers: (ContainerSummary & { sizeRw: number; sizeRootFs: number })[];
  volumes: VolumeSummary[];
  buildCache: BuildCacheRecord[];
}

export interface EngineInfo {
  /** Where we connected, shown to people: `unix:///var/run/docker.sock`, `tcp://…`, `ssh://…`. */
  endpoint: string;
  /** Where the endpoint came from: setting, DOCKER_HOST, a docker context, or the platform default. */
  source: 'setting' | 'env' | 'context' | 'default';
  contextName?: string;
}

export interface EngineVersion {
  version: string;
  apiVersion: string;
  minApiVersion: string;
  os: string;
  arch: string;
  /** The API version this client negotiated and uses. */
  negotiatedApiVersion: string;
}

/** One event from `GET /events`. */
export interface EngineEvent {
  type: string;        // 'container' | 'image' | 'volume' | 'network' | 'builder' | ...
  action: string;      // 'start', 'die', 'delete', 'tag', 'untag', 'health_status: healthy', ...
  id: string;          // Actor.ID
  attributes: Record<string, string>;
  time: number;        // seconds
  timeNano: number;
}

export interface RemovedItem {
  /** 'Untagged' or 'Deleted' for images, the ID for other kinds. */
  kind: 'untagged' | 'deleted';
  ref: string;
}

// ── Networks, container mounts, run and stats (issue 10 §3–4) ──

export interface NetworkSummary {
  id: string;
  name: string;
  driver: string;
  /** 'local', 'swarm', 'global'. */
  scope: string;
  internal: boolean;
  /** IPAM subnets, e.g. ['172.30.0.0/16']. */
  subnets: string[];
  /** Seconds since the epoch. */
  created: number;
  labels: Record<string, string>;
}

/** Where a container's volumes and networks are (from the container list). */
export interface ContainerAttachments {
  /** Named volumes mounted (type volume): their names. */
  volumes: string[];
  /** Networks joined, by name; the ID is '' until the container first starts. */
  networks: { name: string; id: string }[];
}

/** What "Run…" creates: `POST /containers/create` then start. */
export interface RunSpec {
  image: string;
  name?: string;
  /** Arguments replacing the image's CMD; empty: the image's own. */
  command: string[];
  env: string[];
  /** Published ports: container port (with /proto) → host port ('' = any free port). */
  ports: { container: string; host: string; hostIp?: string }[];
  /** `name-or-host-path:container-path[:ro]` strings, as `docker run -v` takes them. */
  volumes: string[];
  /** A network name; 'none', 'host', 'bridge' or a user-defined one; '' = the engine's default. */
  network: string;
  autoRemove: boolean;
  /** Interactive: keep stdin open with a TTY (attached from a terminal). */
  interactive: boolean;
  labels?: Record<string, string>;
}

/** One frame of the streaming stats endpoint, reduced to what the Stats panel shows. */
export interface StatsFrame {
  /** Milliseconds since the epoch the engine read it. */
  readAt: number;
  cpuTotal: number;
  /** Previous frame's CPU totals as the engine sent them (precpu_stats). */
  preCpuTotal: number;
  systemCpu: number;
  preSystemCpu: number;
  onlineCpus: number;
  memoryUsage: number;
  memoryLimit: number;
  netRx: number;
  netTx: number;
  blockRead: number;
  blockWrite: number;
  pids: number;
}
