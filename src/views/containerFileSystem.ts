// A read-only file system over a container's files: `layerscope-container://<container id>/<path>`.
// Editors open a container's file through it; writes are refused (Upload… copies in, and asks).
// Registered at activation through the explorer's door (door.ts), which loads this on first use.
import * as vscode from 'vscode';
import { config } from '../config';
import type { Ctx } from '../ctx';
import { listContainerDir, readContainerFile } from '../docker/containerFiles';
import { EngineError } from '../docker/engine';
import { formatBytes } from '../model/format';
import type { PathKind } from '../model/containerLayer';
import { containerScheme } from './door';

export function containerFileUri(containerId: string, path: string): vscode.Uri {
  return vscode.Uri.from({ scheme: containerScheme, authority: containerId, path });
}

const fileTypes: Record<PathKind, vscode.FileType> = {
  file: vscode.FileType.File, dir: vscode.FileType.Directory, symlink: vscode.FileType.SymbolicLink | vscode.FileType.File,
  device: vscode.FileType.Unknown, pipe: vscode.FileType.Unknown, socket: vscode.FileType.Unknown, other: vscode.FileType.Unknown,
};

export class ContainerFileSystem implements vscode.FileSystemProvider {
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;
  /** Content read just before opening (the open command checks for binary first): served once. */
  private readonly primed = new Map<string, Uint8Array>();

  constructor(private readonly ctx: Ctx) {
    ctx.push(this.emitter);
  }

  /** Hands content already read to the next readFile of `uri`. */
  prime(uri: vscode.Uri, bytes: Uint8Array): void {
    this.primed.set(uri.toString(), bytes);
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const stat = await this.ctx.engine.statContainerPath(uri.authority, uri.path).catch((e) => { throw fsError(e, uri); });
    const mtime = Date.parse(stat.mtime) || 0;
    return { type: fileTypes[stat.kind], ctime: mtime, mtime, size: stat.size, permissions: vscode.FilePermission.Readonly };
  }

  async readDirectory(uri: vscode.Uri): Promise<[string, vscode.FileType][]> {
    const container = await this.ctx.engine.getContainer(uri.authority);
    if (!container) throw vscode.FileSystemError.Unavailable(`The container ${uri.authority.slice(0, 12)} was removed.`);
    const settings = config.containerFiles();
    const listing = await listContainerDir(this.ctx.engine, uri.authority, uri.path || '/', {
      running: container.state === 'running', method: settings.listing, maxArchiveEntries: settings.maxArchiveEntries,
    }).catch((e) => { throw fsError(e, uri); });
    return listing.entries.map((e) => [e.name, fileTypes[e.kind]]);
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const key = uri.toString();
    const primed = this.primed.get(key);
    if (primed) {
      this.primed.delete(key);
      return primed;
    }
    const max = config.containerFiles().maxOpenBytes;
    const content = await readContainerFile(this.ctx.engine, uri.authority, uri.path, max).catch((e) => { throw fsError(e, uri); });
    if (content.truncated) {
      throw vscode.FileSystemError.Unavailable(`${uri.path} is ${formatBytes(content.stat.size)}, more than layerscope.containerFiles.maxOpenBytes (${formatBytes(max)}): download it instead.`);
    }
    return content.bytes;
  }

  createDirectory(uri: vscode.Uri): never { throw readOnly(uri); }
  writeFile(uri: vscode.Uri): never { throw readOnly(uri); }
  delete(uri: vscode.Uri): never { throw readOnly(uri); }
  rename(uri: vscode.Uri): never { throw readOnly(uri); }
}

function readOnly(uri: vscode.Uri): vscode.FileSystemError {
  return vscode.FileSystemError.NoPermissions(`${uri.path} is shown read-only: use "Upload…" on its folder to copy a file into the container.`);
}

function fsError(e: unknown, uri: vscode.Uri): Error {
  if (e instanceof EngineError && e.code === 'notFound') return vscode.FileSystemError.FileNotFound(e.message);
  if (e instanceof EngineError && e.code === 'permission') return vscode.FileSystemError.NoPermissions(e.message);
  return e instanceof Error ? e : new Error(`${uri.path}: ${String(e)}`);
}
