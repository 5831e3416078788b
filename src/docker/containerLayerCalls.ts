// Requests for a container's own layer and files: sizes, changes, commit, export, the archive
// endpoints (docker cp) and exec. Kept apart from dockerodeEngine.ts, which delegates here.
import { PassThrough, type Readable } from 'node:stream';
import { mapChanges, parsePathStat, type ContainerSize, type PathChange, type PathStat } from '../model/containerLayer';
import { EngineError } from './engine';
import { toEngineError } from './errors';
import { seg, type Transport } from './transport';

export interface CommitOptions {
  repo: string;
  tag: string;
  author?: string;
  message?: string;
  /** Pause the container while committing (the engine's default). */
  pause: boolean;
}

export interface ExecResult {
  exitCode: number;
  stdout: Buffer;
  stderr: Buffer;
}

/** The port's part for one container's layer and files (the Engine interface extends it). */
export interface ContainerLayerEngine {
  /** `SizeRw` and `SizeRootFs` of ONE container (`GET /containers/{id}/json?size=true`; slow on big hosts, so never for a list). */
  containerSize(id: string, signal?: AbortSignal): Promise<ContainerSize>;
  /** `GET /containers/{id}/changes`: what the container added, modified and deleted against its image. */
  containerChanges(id: string, signal?: AbortSignal): Promise<PathChange[]>;
  /** `POST /commit`: a new image from the container; returns its ID. */
  commitContainer(id: string, options: CommitOptions, signal?: AbortSignal): Promise<string>;
  /** `GET /containers/{id}/export`: the container's whole filesystem as a tar stream. */
  exportContainer(id: string, signal?: AbortSignal): Promise<Readable>;
  /** `HEAD /containers/{id}/archive`: what is at `path` (not followed when it is a symlink). */
  statContainerPath(id: string, path: string, signal?: AbortSignal): Promise<PathStat>;
  /** `GET /containers/{id}/archive`: a tar of `path` (a directory: with everything below it). */
  getContainerArchive(id: string, path: string, signal?: AbortSignal): Promise<Readable>;
  /** `PUT /containers/{id}/archive`: extracts `tar` into the directory `dir` (which must exist). */
  putContainerArchive(id: string, dir: string, tar: Readable, signal?: AbortSignal): Promise<void>;
  /** Runs a command in a running container (no TTY) and returns its exit code and output. */
  execInContainer(id: string, cmd: string[], signal?: AbortSignal): Promise<ExecResult>;
}

/** Larger exec output is cut: listings never get near it. */
const maxExecOutput = 64 * 1024 * 1024;

export class ContainerLayerCalls implements ContainerLayerEngine {
  constructor(private readonly t: Transport) {}

  async containerSize(id: string, signal?: AbortSignal): Promise<ContainerSize> {
    const raw = await this.t.json<{ SizeRw?: number; SizeRootFs?: number }>({
      method: 'GET', path: `/containers/${seg(id)}/json`, query: { size: 1 }, what: `read the size of container ${id}`,
    }, signal);
    return { sizeRw: Number(raw.SizeRw ?? 0), sizeRootFs: Number(raw.SizeRootFs ?? 0) };
  }

  async containerChanges(id: string, signal?: AbortSignal): Promise<PathChange[]> {
    return mapChanges(await this.t.json({ method: 'GET', path: `/containers/${seg(id)}/changes`, what: `list the changes of container ${id}` }, signal));
  }

  async commitContainer(id: string, o: CommitOptions, signal?: AbortSignal): Promise<string> {
    const raw = await this.t.json<{ Id?: string }>({
      method: 'POST', path: '/commit', what: `commit container ${id} to ${o.repo}:${o.tag}`,
      query: { container: id, repo: o.repo, tag: o.tag, author: o.author || undefined, comment: o.message || undefined, pause: o.pause ? 'true' : 'false' },
    }, signal);
    if (!raw?.Id) throw new EngineError('server', `The engine committed ${id} but did not say which image it made.`, this.t.endpoint);
    return raw.Id;
  }

  exportContainer(id: string, signal?: AbortSignal): Promise<Readable> {
    return this.t.stream({ method: 'GET', path: `/containers/${seg(id)}/export`, what: `export the filesystem of container ${id}` }, signal);
  }

  async statContainerPath(id: string, path: string, signal?: AbortSignal): Promise<PathStat> {
    const what = `read ${path} in container ${id}`;
    const headers = await this.t.headers({ method: 'HEAD', path: `/containers/${seg(id)}/archive`, query: { path }, what }, signal)
      .catch((e) => { throw pathError(e, path, this.t.endpoint, what); });
    const stat = parsePathStat(headers['x-docker-container-path-stat'] as string | undefined);
    if (!stat) throw new EngineError('server', `The engine did not describe ${path} (no path stat header).`, this.t.endpoint);
    return stat;
  }

  async getContainerArchive(id: string, path: string, signal?: AbortSignal): Promise<Readable> {
    const what = `copy ${path} out of container ${id}`;
    return this.t.stream({ method: 'GET', path: `/containers/${seg(id)}/archive`, query: { path }, what }, signal)
      .catch((e) => { throw pathError(e, path, this.t.endpoint, what); });
  }

  async putContainerArchive(id: string, dir: string, tar: Readable, signal?: AbortSignal): Promise<void> {
    const what = `copy into ${dir} of container ${id}`;
    await this.t.json({
      method: 'PUT', path: `/containers/${seg(id)}/archive`, query: { path: dir, noOverwriteDirNonDir: 'true' }, file: tar, what,
    }, signal).catch((e) => { throw pathError(e, dir, this.t.endpoint, what); });
  }

  async execInContainer(id: string, cmd: string[], signal?: AbortSignal): Promise<ExecResult> {
    const what = `run ${cmd[0]} in container ${id}`;
    const created = await this.t.json<{ Id?: string }>({
      method: 'POST', path: `/containers/${seg(id)}/exec`, what,
      body: { AttachStdout: true, AttachStderr: true, AttachStdin: false, Tty: false, Cmd: cmd, Env: ['LC_ALL=C'] },
    }, signal);
    const execId = String(created.Id);
    const res = await this.t.stream({ method: 'POST', path: `/exec/${seg(execId)}/start`, body: { Detach: false, Tty: false }, what }, signal);
    const stdout = new Collector();
    const stderr = new Collector();
    this.t.docker!.modem.demuxStream(res, stdout, stderr);
    await new Promise<void>((resolve, reject) => {
      res.on('end', resolve);
      res.on('error', (e) => reject(toEngineError(e, this.t.endpoint, what)));
    });
    const inspect = await this.t.json<{ ExitCode?: number | null; Running?: boolean }>({ method: 'GET', path: `/exec/${seg(execId)}/json`, what }, signal);
    return { exitCode: inspect.ExitCode ?? -1, stdout: stdout.bytes(), stderr: stderr.bytes() };
  }
}

/** A sink for demuxed exec output, capped. */
class Collector extends PassThrough {
  private readonly chunks: Buffer[] = [];
  private size = 0;
  constructor() {
    super();
    this.on('data', (c: Buffer) => {
      if (this.size >= maxExecOutput) return;
      this.chunks.push(c);
      this.size += c.length;
    });
  }
  bytes(): Buffer { return Buffer.concat(this.chunks); }
}

/** The archive endpoints answer 404 for a missing path and 400/403/500 for others: say which path. */
function pathError(e: unknown, path: string, endpoint: string, what: string): EngineError {
  const err = toEngineError(e, endpoint, what);
  if (err.code === 'notFound' && !/no such container|container was removed/i.test(err.message)) {
    return new EngineError('notFound', `${path} does not exist in the container (it may have been removed).`, endpoint, err.statusCode, err.detail);
  }
  if (/permission denied/i.test(err.message)) {
    return new EngineError('permission', `Permission denied on ${path} in the container.`, endpoint, err.statusCode, err.detail);
  }
  return err;
}
