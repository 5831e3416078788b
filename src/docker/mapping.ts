// Engine API JSON -> model shapes. With status.ts, the only place that knows raw API field names;
// pure, so every mapping (including both /system/df shapes) is unit-tested without an engine.
import type {
  BuildCacheRecord, ContainerState, ContainerSummary, DiskUsage, EngineEvent, HistoryEntry,
  ImageSummary, PortMapping, RemovedItem, VolumeSummary,
} from '../model/types';
import type { ContainerStatsSample, ContainerTop } from './engine';
import { arr, labels, num, obj, str, strings } from './json';
import { clockFromStatus } from '../model/liveStatus';
import { mapAttachments } from './mapResources';
import { humanStatus, statusClockFromState } from './status';

/** -1 (and absent) mean "not computed" in the API. */
const known = (v: unknown): number | undefined => (typeof v === 'number' && v >= 0 ? v : undefined);
const seconds = (iso: unknown): number => {
  const t = Date.parse(str(iso));
  return Number.isNaN(t) ? 0 : Math.floor(t / 1000);
};

/** Podman's /system/df drops the `sha256:` of image IDs; every other answer has it. */
const imageId = (v: unknown): string => (/^[0-9a-f]{64}$/.test(str(v)) ? `sha256:${str(v)}` : str(v));

export function mapImage(raw: unknown): ImageSummary {
  const i = obj(raw);
  return {
    id: imageId(i.Id),
    repoTags: strings(i.RepoTags).filter((t) => t !== '<none>:<none>'),
    repoDigests: strings(i.RepoDigests).filter((d) => d !== '<none>@<none>'),
    parentId: imageId(i.ParentId),
    created: num(i.Created),
    size: num(i.Size),
    sharedSize: known(i.SharedSize),
    containers: known(i.Containers),
    labels: labels(i.Labels),
  };
}

const STATES: ReadonlySet<string> = new Set(['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead']);

function mapState(raw: unknown): ContainerState {
  const s = str(raw).toLowerCase();
  if (STATES.has(s)) return s as ContainerState;
  // Podman's compat API also says 'stopped' and 'configured'.
  if (s === 'stopped') return 'exited';
  if (s === 'configured') return 'created';
  return 'dead';
}

function healthFrom(status: string, healthField: unknown): ContainerSummary['health'] {
  const explicit = str(obj(healthField).Status);
  const s = explicit || /\((healthy|unhealthy|health: starting)\)/.exec(status)?.[1] || '';
  if (s === 'healthy' || s === 'unhealthy') return s;
  if (s === 'starting' || s === 'health: starting') return 'starting';
  return undefined;
}

function mapPorts(raw: unknown): PortMapping[] {
  return arr(raw).map((p) => {
    const o = obj(p);
    const m: PortMapping = { privatePort: num(o.PrivatePort), type: str(o.Type) || 'tcp' };
    if (typeof o.PublicPort === 'number') m.publicPort = o.PublicPort;
    if (str(o.IP)) m.ip = str(o.IP);
    return m;
  });
}

export function mapContainer(raw: unknown, readAtMs = Date.now()): ContainerSummary {
  const c = obj(raw);
  const status = str(c.Status);
  const statusClock = clockFromStatus(status, readAtMs);
  return {
    id: str(c.Id),
    names: strings(c.Names).map((n) => n.replace(/^\//, '')),
    image: str(c.Image),
    imageId: str(c.ImageID),
    command: str(c.Command),
    created: num(c.Created),
    state: mapState(c.State),
    status,
    ...(statusClock ? { statusClock } : {}),
    health: healthFrom(status, c.Health),
    ports: mapPorts(c.Ports),
    labels: labels(c.Labels),
    attachments: mapAttachments(c),
  };
}

/** `GET /containers/{id}/json` as the list would have shown it (used for incremental updates). */
export function containerFromInspect(raw: unknown, now = Date.now()): ContainerSummary {
  const c = obj(raw);
  const config = obj(c.Config);
  const state = obj(c.State);
  const args = strings(c.Args);
  // The daemon's list quotes arguments that contain a space; do the same so both agree.
  const command = [str(c.Path), ...args.map((a) => (a.includes(' ') ? `'${a}'` : a))].join(' ');
  const ports: PortMapping[] = [];
  for (const [key, bindings] of Object.entries(obj(obj(c.NetworkSettings).Ports))) {
    const [port, type = 'tcp'] = key.split('/');
    const list = arr(bindings);
    if (list.length === 0) ports.push({ privatePort: Number(port), type });
    for (const b of list) {
      const o = obj(b);
      ports.push({ privatePort: Number(port), type, publicPort: Number(o.HostPort) || undefined, ip: str(o.HostIp) || undefined });
    }
  }
  const health = healthFrom('', state.Health);
  const status = humanStatus(state, now);
  const statusClock = statusClockFromState(state, status, now);
  return {
    id: str(c.Id),
    names: [str(c.Name).replace(/^\//, '')],
    image: str(config.Image),
    imageId: str(c.Image),
    command,
    created: seconds(c.Created),
    state: mapState(state.Status),
    status,
    ...(statusClock ? { statusClock } : {}),
    health,
    ports,
    labels: labels(config.Labels),
    attachments: mapAttachments(c),
  };
}

export function mapHistory(raw: unknown): HistoryEntry[] {
  return arr(raw).map((h) => {
    const o = obj(h);
    return {
      id: str(o.Id) || '<missing>',
      created: num(o.Created),
      createdBy: str(o.CreatedBy),
      tags: strings(o.Tags),
      size: num(o.Size),
      comment: str(o.Comment),
    };
  });
}

export function mapRemoved(raw: unknown): RemovedItem[] {
  const out: RemovedItem[] = [];
  for (const r of arr(raw)) {
    const o = obj(r);
    if (str(o.Untagged)) out.push({ kind: 'untagged', ref: str(o.Untagged) });
    if (str(o.Deleted)) out.push({ kind: 'deleted', ref: str(o.Deleted) });
  }
  return out;
}

export function mapVolume(raw: unknown): VolumeSummary {
  const v = obj(raw);
  const usage = obj(v.UsageData);
  return {
    name: str(v.Name),
    driver: str(v.Driver),
    mountpoint: str(v.Mountpoint),
    size: num(usage.Size, -1),
    refCount: num(usage.RefCount, -1),
    labels: labels(v.Labels),
  };
}

function mapBuildCache(raw: unknown): BuildCacheRecord {
  const b = obj(raw);
  const record: BuildCacheRecord = {
    id: str(b.ID),
    type: str(b.Type),
    description: str(b.Description),
    inUse: b.InUse === true,
    shared: b.Shared === true,
    size: num(b.Size),
    createdAt: str(b.CreatedAt),
    usageCount: num(b.UsageCount),
  };
  if (str(b.LastUsedAt)) record.lastUsedAt = str(b.LastUsedAt);
  // API ≤ 1.41 names one `Parent`; newer engines list `Parents`.
  const parents = Array.isArray(b.Parents) ? b.Parents.map(str).filter(Boolean) : str(b.Parent) ? [str(b.Parent)] : [];
  if (parents.length) record.parents = parents;
  return record;
}

/**
 * `GET /system/df` in either shape: API <= 1.51 has top-level `LayersSize, Images, Containers,
 * Volumes, BuildCache`; newer engines nest them as `ImageUsage.Items`, `ContainerUsage.Items`, ...
 * (with `TotalSize` where `LayersSize` was). Chosen by presence, so a proxy that rewrites versions
 * cannot confuse it.
 */
export function normaliseDiskUsage(raw: unknown, readAtMs = Date.now()): DiskUsage {
  const d = obj(raw);
  const modern = 'ImageUsage' in d || 'ContainerUsage' in d || 'VolumeUsage' in d || 'BuildCacheUsage' in d;
  const images = modern ? obj(d.ImageUsage).Items : d.Images;
  const containers = modern ? obj(d.ContainerUsage).Items : d.Containers;
  const volumes = modern ? obj(d.VolumeUsage).Items : d.Volumes;
  const buildCache = modern ? obj(d.BuildCacheUsage).Items : d.BuildCache;
  return {
    layersSize: modern ? num(obj(d.ImageUsage).TotalSize) : num(d.LayersSize),
    images: arr(images).map(mapImage),
    containers: arr(containers).map((c) => ({
      ...mapContainer(c, readAtMs),
      sizeRw: num(obj(c).SizeRw),
      sizeRootFs: num(obj(c).SizeRootFs),
    })),
    volumes: arr(volumes).map(mapVolume),
    buildCache: arr(buildCache).map(mapBuildCache),
  };
}

export function mapTop(raw: unknown): ContainerTop {
  const t = obj(raw);
  return { titles: strings(t.Titles), processes: arr(t.Processes).map(strings) };
}

/** One stats sample; CPU % the way the docker CLI computes it (delta over the previous sample). */
export function mapStats(raw: unknown): ContainerStatsSample {
  const s = obj(raw);
  const cpu = obj(s.cpu_stats);
  const pre = obj(s.precpu_stats);
  const cpuDelta = num(obj(cpu.cpu_usage).total_usage) - num(obj(pre.cpu_usage).total_usage);
  const systemDelta = num(cpu.system_cpu_usage) - num(pre.system_cpu_usage);
  const online = num(cpu.online_cpus) || arr(obj(cpu.cpu_usage).percpu_usage).length || 1;
  const cpuPercent = cpuDelta > 0 && systemDelta > 0 ? (cpuDelta / systemDelta) * online * 100 : 0;
  const mem = obj(s.memory_stats);
  const memStats = obj(mem.stats);
  // Page cache is reclaimable: cgroup v1 reports it as total_inactive_file, v2 as inactive_file.
  const cache = num(memStats.total_inactive_file, num(memStats.inactive_file));
  const usage = num(mem.usage);
  return {
    cpuPercent,
    memoryUsage: cache < usage ? usage - cache : usage,
    memoryLimit: num(mem.limit),
  };
}

/** One `GET /events` message; tolerates the pre-1.22 fields (status/id/from) newer engines dropped. */
export function mapEvent(raw: unknown): EngineEvent | undefined {
  const e = obj(raw);
  const actor = obj(e.Actor);
  const action = str(e.Action) || str(e.status);
  if (!action) return undefined;
  const time = num(e.time);
  return {
    type: str(e.Type) || 'container',
    action,
    id: str(actor.ID) || str(e.id),
    attributes: labels(actor.Attributes),
    time,
    timeNano: num(e.timeNano, time * 1e9),
  };
}
