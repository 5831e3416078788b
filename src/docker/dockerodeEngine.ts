// The Engine port implemented over dockerode. Each method is one request through Transport plus a
// mapping from src/docker/mapping.ts; errors, aborts and API versions are handled there, once.
import { PassThrough, type Readable } from 'node:stream';
import type {
  ContainerSummary, DiskUsage, EngineInfo, EngineVersion, HistoryEntry, ImageSummary, NetworkSummary, RemovedItem,
  RunSpec, StatsFrame, VolumeSummary,
} from '../model/types';
import type { Connection } from './connection';
import { type CommitOptions, ContainerLayerCalls, type ExecResult } from './containerLayerCalls';
import type { ContainerSize, PathChange, PathStat } from '../model/containerLayer';
import {
  type ContainerStatsSample, type ContainerTop, type CreateNetworkOptions, type Disposable, type Engine, EngineError,
  type EventStreamListener, type ListImagesOptions, type LogsOptions,
} from './engine';
import { toEngineError } from './errors';
import { type BackoffOptions, DEFAULT_BACKOFF, subscribeEvents } from './events';
import {
  containerFromInspect, mapContainer, mapHistory, mapImage, mapRemoved, mapStats, mapTop, mapVolume,
  normaliseDiskUsage,
} from './mapping';
import { mapNetwork, mapStatsFrame, runSpecBody } from './mapResources';
import { NdjsonParser } from './ndjson';
import { seg, Transport, type VersionJson } from './transport';

/** Timing knobs; the defaults suit people, tests shorten them. */
export interface EngineTuning {
  /** Event stream reconnect delays. */
  backoff?: BackoffOptions;
  /** How long a tcp:// connect may take before the engine counts as unreachable. */
  connectTimeoutMs?: number;
}

export class DockerodeEngine implements Engine {
  private readonly t: Transport;
  private diskUsageInFlight?: Promise<DiskUsage>;
  private readonly backoff: BackoffOptions;
  private readonly layer: ContainerLayerCalls;

  constructor(connection: Connection, tuning: EngineTuning = {}) {
    this.info = connection.info;
    this.backoff = tuning.backoff ?? DEFAULT_BACKOFF;
    this.t = new Transport(connection, tuning.connectTimeoutMs);
    this.layer = new ContainerLayerCalls(this.t);
  }

  readonly info: EngineInfo;

  async ping(signal?: AbortSignal): Promise<void> {
    await this.t.json({ method: 'GET', path: '/_ping', what: 'ping the engine' }, signal);
  }

  async version(signal?: AbortSignal): Promise<EngineVersion> {
    const v = await this.t.json<VersionJson>({ method: 'GET', path: '/version', what: 'read the engine version' }, signal);
    return {
      version: v.Version ?? '',
      apiVersion: v.ApiVersion ?? '',
      minApiVersion: v.MinAPIVersion ?? '',
      os: v.Os ?? '',
      arch: v.Arch ?? '',
      negotiatedApiVersion: this.t.apiVersion,
    };
  }

  async listImages(options: ListImagesOptions, signal?: AbortSignal): Promise<ImageSummary[]> {
    const raw = await this.t.json<unknown[]>({
      method: 'GET', path: '/images/json', what: 'list images',
      query: { all: options.all ? 1 : undefined, filters: options.dangling ? { dangling: ['true'] } : undefined },
    }, signal);
    return raw.map(mapImage);
  }

  inspectImage(ref: string, signal?: AbortSignal): Promise<Record<string, unknown>> {
    return this.t.json({ method: 'GET', path: `/images/${seg(ref)}/json`, what: `inspect image ${ref}` }, signal);
  }

  async imageHistory(ref: string, signal?: AbortSignal): Promise<HistoryEntry[]> {
    return mapHistory(await this.t.json({ method: 'GET', path: `/images/${seg(ref)}/history`, what: `read the history of ${ref}` }, signal));
  }

  async tagImage(ref: string, repo: string, tag: string, signal?: AbortSignal): Promise<void> {
    await this.t.json({ method: 'POST', path: `/images/${seg(ref)}/tag`, query: { repo, tag }, what: `tag ${ref} as ${repo}:${tag}` }, signal);
  }

  async removeImage(ref: string, options: { force?: boolean; noPrune?: boolean }, signal?: AbortSignal): Promise<RemovedItem[]> {
    return mapRemoved(await this.t.json({
      method: 'DELETE', path: `/images/${seg(ref)}`, what: `remove image ${ref}`,
      query: { force: options.force || undefined, noprune: options.noPrune || undefined },
    }, signal));
  }

  saveImages(refs: string[], signal?: AbortSignal): Promise<Readable> {
    if (refs.length === 0) return Promise.reject(new EngineError('badRequest', 'No image to save.', this.info.endpoint));
    return this.t.stream({ method: 'GET', path: '/images/get', query: { names: refs }, what: `save ${refs.join(', ')}` }, signal);
  }

  async loadImages(tar: Readable, signal?: AbortSignal): Promise<string> {
    const what = 'load images';
    const res = await this.t.stream({ method: 'POST', path: '/images/load', query: { quiet: 1 }, file: tar, what }, signal);
    // The body is progress JSON lines; a failure arrives as {"error": ...} with status 200.
    const lines: string[] = [];
    let failure = '';
    const parser = new NdjsonParser((v) => {
      const o = (v ?? {}) as { stream?: string; error?: string; errorDetail?: { message?: string } };
      if (o.error || o.errorDetail?.message) failure = o.errorDetail?.message ?? o.error ?? '';
      else if (typeof o.stream === 'string') lines.push(o.stream.trimEnd());
    }, (line) => lines.push(line));
    try {
      for await (const chunk of res) parser.push(chunk as Buffer);
    } catch (e) {
      throw toEngineError(e, this.info.endpoint, what);
    }
    parser.end();
    if (failure) throw new EngineError('server', `Loading images failed: ${failure}`, this.info.endpoint, 200, failure);
    return lines.filter(Boolean).join('\n');
  }

  async listContainers(options: { all: boolean }, signal?: AbortSignal): Promise<ContainerSummary[]> {
    const raw = await this.t.json<unknown[]>({
      method: 'GET', path: '/containers/json', query: { all: options.all ? 1 : undefined }, what: 'list containers',
    }, signal);
    const readAt = Date.now();
    return raw.map((c) => mapContainer(c, readAt));
  }

  async getContainer(id: string, signal?: AbortSignal): Promise<ContainerSummary | undefined> {
    try {
      return containerFromInspect(await this.inspectContainer(id, signal));
    } catch (e) {
      if (e instanceof EngineError && e.code === 'notFound') return undefined;
      throw e;
    }
  }

  inspectContainer(id: string, signal?: AbortSignal): Promise<Record<string, unknown>> {
    return this.t.json({ method: 'GET', path: `/containers/${seg(id)}/json`, what: `inspect container ${id}` }, signal);
  }

  startContainer(id: string, signal?: AbortSignal): Promise<void> { return this.containerAction(id, 'start', signal); }
  stopContainer(id: string, signal?: AbortSignal): Promise<void> { return this.containerAction(id, 'stop', signal); }
  restartContainer(id: string, signal?: AbortSignal): Promise<void> { return this.containerAction(id, 'restart', signal); }
  pauseContainer(id: string, signal?: AbortSignal): Promise<void> { return this.containerAction(id, 'pause', signal); }
  unpauseContainer(id: string, signal?: AbortSignal): Promise<void> { return this.containerAction(id, 'unpause', signal); }

  /** start/stop answer 304 when already in that state: that is success. */
  private async containerAction(id: string, action: string, signal?: AbortSignal): Promise<void> {
    await this.t.json({ method: 'POST', path: `/containers/${seg(id)}/${action}`, what: `${action} container ${id}` }, signal);
  }

  async removeContainer(id: string, options: { force?: boolean; volumes?: boolean }, signal?: AbortSignal): Promise<void> {
    await this.t.json({
      method: 'DELETE', path: `/containers/${seg(id)}`, what: `remove container ${id}`,
      query: { force: options.force || undefined, v: options.volumes || undefined },
    }, signal);
  }

  async containerLogs(id: string, options: LogsOptions, signal?: AbortSignal): Promise<Readable> {
    // A TTY container's log is raw text; any other is multiplexed in 8-byte-header frames.
    const inspect = await this.inspectContainer(id, signal);
    const tty = (inspect.Config as { Tty?: boolean } | undefined)?.Tty === true;
    const res = await this.t.stream({
      method: 'GET', path: `/containers/${seg(id)}/logs`, what: `read the logs of ${id}`,
      query: { stdout: 1, stderr: 1, follow: options.follow ? 1 : undefined, tail: options.tail, timestamps: options.timestamps ? 1 : undefined },
    }, signal);
    const out = new PassThrough();
    if (tty) res.pipe(out, { end: false });
    else this.t.docker!.modem.demuxStream(res, out, out);
    res.on('end', () => out.end());
    // An abort is how a follower stops reading: end quietly rather than fail.
    res.on('error', (e: EngineError) => (e.code === 'aborted' ? out.end() : out.destroy(e)));
    out.on('close', () => res.destroy());
    return out;
  }

  async containerTop(id: string, signal?: AbortSignal): Promise<ContainerTop> {
    return mapTop(await this.t.json({ method: 'GET', path: `/containers/${seg(id)}/top`, what: `list the processes of ${id}` }, signal));
  }

  async containerStats(id: string, signal?: AbortSignal): Promise<ContainerStatsSample> {
    // stream=false waits for a second sample so precpu_stats is filled and CPU % means something.
    return mapStats(await this.t.json({
      method: 'GET', path: `/containers/${seg(id)}/stats`, query: { stream: false }, what: `read the stats of ${id}`,
    }, signal));
  }

  async listVolumes(signal?: AbortSignal): Promise<VolumeSummary[]> {
    const raw = await this.t.json<{ Volumes?: unknown[] | null }>({ method: 'GET', path: '/volumes', what: 'list volumes' }, signal);
    return (raw.Volumes ?? []).map(mapVolume);
  }

  async removeVolume(name: string, signal?: AbortSignal): Promise<void> {
    await this.t.json({ method: 'DELETE', path: `/volumes/${seg(name)}`, what: `remove volume ${name}` }, signal);
  }

  async diskUsage(signal?: AbortSignal): Promise<DiskUsage> {
    // dockerd computes one disk usage at a time and answers a concurrent request with HTTP 500 ("a disk
    // usage operation is already running"), so callers share the request under way; it is nobody's
    // alone to cancel. verbose=1 asks newer engines for the per-item lists; older ones ignore it.
    this.diskUsageInFlight ??= this.t.json({ method: 'GET', path: '/system/df', query: { verbose: 1 }, what: 'read disk usage' })
      .then((raw) => normaliseDiskUsage(raw))
      .finally(() => { this.diskUsageInFlight = undefined; });
    return this.t.join(this.diskUsageInFlight, 'read disk usage', signal);
  }

  async pruneBuildCache(ids: string[], signal?: AbortSignal): Promise<number> {
    // No IDs must never become "no filter", which would prune everything.
    // One request per ID: engines up to at least 20.10 refuse several values for one filter key. The
    // engine matches `id` as a pattern, but record IDs are all one length, so a full ID matches only itself.
    let reclaimed = 0;
    for (const id of ids) {
      const raw = await this.t.json<{ SpaceReclaimed?: number }>({
        method: 'POST', path: '/build/prune', query: { filters: { id: [id] } }, what: 'remove build cache',
      }, signal);
      reclaimed += raw?.SpaceReclaimed ?? 0;
    }
    return reclaimed;
  }

  // A container's own layer and files (containerLayerCalls.ts).
  containerSize(id: string, signal?: AbortSignal): Promise<ContainerSize> { return this.layer.containerSize(id, signal); }
  containerChanges(id: string, signal?: AbortSignal): Promise<PathChange[]> { return this.layer.containerChanges(id, signal); }
  commitContainer(id: string, options: CommitOptions, signal?: AbortSignal): Promise<string> { return this.layer.commitContainer(id, options, signal); }
  exportContainer(id: string, signal?: AbortSignal): Promise<Readable> { return this.layer.exportContainer(id, signal); }
  statContainerPath(id: string, path: string, signal?: AbortSignal): Promise<PathStat> { return this.layer.statContainerPath(id, path, signal); }
  getContainerArchive(id: string, path: string, signal?: AbortSignal): Promise<Readable> { return this.layer.getContainerArchive(id, path, signal); }
  putContainerArchive(id: string, dir: string, tar: Readable, signal?: AbortSignal): Promise<void> { return this.layer.putContainerArchive(id, dir, tar, signal); }
  execInContainer(id: string, cmd: string[], signal?: AbortSignal): Promise<ExecResult> { return this.layer.execInContainer(id, cmd, signal); }

  subscribe(listener: EventStreamListener): Disposable {
    return subscribeEvents(this.t, listener, this.backoff);
  }

  // ── Volumes, networks, run and streamed stats (issue 10 §3–4) ──

  inspectVolume(name: string, signal?: AbortSignal): Promise<Record<string, unknown>> {
    return this.t.json({ method: 'GET', path: `/volumes/${seg(name)}`, what: `inspect volume ${name}` }, signal);
  }

  async createVolume(options: { name?: string; driver?: string; labels?: Record<string, string> }, signal?: AbortSignal): Promise<VolumeSummary> {
    return mapVolume(await this.t.json({
      method: 'POST', path: '/volumes/create', what: `create volume ${options.name ?? ''}`.trim(),
      body: { Name: options.name ?? '', Driver: options.driver || 'local', Labels: options.labels ?? {} },
    }, signal));
  }

  async listNetworks(signal?: AbortSignal): Promise<NetworkSummary[]> {
    return (await this.t.json<unknown[]>({ method: 'GET', path: '/networks', what: 'list networks' }, signal)).map(mapNetwork);
  }

  inspectNetwork(id: string, signal?: AbortSignal): Promise<Record<string, unknown>> {
    return this.t.json({ method: 'GET', path: `/networks/${seg(id)}`, what: `inspect network ${id}` }, signal);
  }

  async createNetwork(options: CreateNetworkOptions, signal?: AbortSignal): Promise<string> {
    const raw = await this.t.json<{ Id?: string }>({
      method: 'POST', path: '/networks/create', what: `create network ${options.name}`,
      body: {
        Name: options.name, CheckDuplicate: true, Driver: options.driver || 'bridge', Internal: options.internal,
        Labels: options.labels ?? {}, ...(options.subnet ? { IPAM: { Driver: 'default', Config: [{ Subnet: options.subnet }] } } : {}),
      },
    }, signal);
    return raw.Id ?? '';
  }

  async removeNetwork(id: string, signal?: AbortSignal): Promise<void> {
    await this.t.json({ method: 'DELETE', path: `/networks/${seg(id)}`, what: `remove network ${id}` }, signal);
  }

  async createContainer(spec: RunSpec, signal?: AbortSignal): Promise<string> {
    const raw = await this.t.json<{ Id?: string }>({
      method: 'POST', path: '/containers/create', query: { name: spec.name || undefined }, body: runSpecBody(spec),
      what: `create a container from ${spec.image}`,
    }, signal);
    return raw.Id ?? '';
  }

  async streamStats(id: string, onFrame: (frame: StatsFrame) => void, signal?: AbortSignal): Promise<void> {
    const what = `follow the stats of ${id}`;
    const res = await this.t.stream({ method: 'GET', path: `/containers/${seg(id)}/stats`, query: { stream: 1 }, what }, signal);
    const parser = new NdjsonParser((v) => onFrame(mapStatsFrame(v)), () => undefined);
    try {
      for await (const chunk of res) parser.push(chunk as Buffer);
    } catch (e) {
      // Aborting is how a viewer stops following: not a failure.
      if (signal?.aborted || (e instanceof EngineError && e.code === 'aborted')) return;
      throw toEngineError(e, this.info.endpoint, what);
    }
    parser.end();
  }
}
