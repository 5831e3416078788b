// The explorer's door at activation (`ctx.explorer`): the six tree views and the container file
// system are registered with small shells, and the explorer's code (views, model, live updates, the
// Stats panel, container files) loads when a view first asks for rows or a command first needs it
// (ARCHITECTURE.md, "Loading on first use"). A view's first ask also starts the engine reads it
// shows first, so they run while that code loads. The Images view answers its first ask before
// that, from a small chunk (imageRows.ts): the explorer's code (about 60 KB, 10 files, loaded in one
// synchronous stretch) then loads once those rows have left for the window, and the other views wait
// for it; the Images view takes the rows over (ExplorerTree.adopt).
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { EngineSnapshot } from '../docker/snapshot';
import type { ExplorerRef } from '../model/explorerRef';
import type { ImageTagRef } from '../model/images';
import type { ImageRowOrder } from './imageRows';
import type { TreeNode } from '../model/tree';
import { errorText } from '../model/errorText';
import { OnFirstUse } from '../onFirstUse';
import type { ContainerFileSystem } from './containerFileSystem';
import type { Explorer } from './index';
import { TreeShell, type EarlyRows, type FirstRows } from './treeShell';
import { toTreeItem } from './treeItem';

export const containerScheme = 'layerscope-container';

/** The views of the manifest, by their short name. */
const viewIds = {
  images: 'layerscope.images',
  dangling: 'layerscope.dangling',
  containers: 'layerscope.containers',
  diskUsage: 'layerscope.diskUsage',
  volumes: 'layerscope.volumes',
  networks: 'layerscope.networks',
} as const;
export type ExplorerViewName = keyof typeof viewIds;

/** The Images view's first rows, answered before the explorer loaded, and the snapshot they were built from. */
export interface EarlyImageRows {
  rows: TreeNode<ImageTagRef>[];
  /** `snapshot.generation` when they were read: they are current while it has not moved. */
  generation: number;
  /** The order they were built in (a change before the explorer loaded is not seen otherwise). */
  order: ImageRowOrder;
}

/** A view as the door registered it; its ExplorerTree attaches to the shell when the code loads. */
export interface ViewSlot {
  readonly id: string;
  readonly view: vscode.TreeView<TreeNode<ExplorerRef>>;
  readonly shell: TreeShell<TreeNode<ExplorerRef>>;
  /**
   * How a row is drawn (treeItem.ts), handed over here rather than imported by the explorer: a
   * module both import would become one more file to load at activation.
   */
  readonly drawRow: (node: TreeNode<unknown>) => vscode.TreeItem;
}

export class ExplorerDoor {
  /** The one cached read of the engine the views share (built here so a first ask can start it). */
  readonly snapshot: EngineSnapshot;
  readonly slots: Record<ExplorerViewName, ViewSlot>;
  /** The `layerscope-container:` file system's code, loaded with its first request or the explorer. */
  readonly containerFiles: OnFirstUse<ContainerFileSystem>;
  /** The Images view's first rows if it answered before the explorer loaded (the view takes them over). */
  earlyImageRows: EarlyImageRows | undefined;
  private readonly explorer: OnFirstUse<Explorer>;
  /** Settles once the Images view's early answer has left for the window (or there was none). */
  private earlyAnswerLeft: Promise<void> | undefined;

  constructor(private readonly ctx: Ctx) {
    this.snapshot = new EngineSnapshot(() => ctx.engine);
    this.explorer = new OnFirstUse(async () => (await import('./index')).registerViews(ctx, this));
    this.containerFiles = new OnFirstUse(async () => new (await import('./containerFileSystem')).ContainerFileSystem(ctx));
    // What each view shows first, read while its code loads (the quick lists of a local engine).
    const lists = () => { void this.snapshot.images().catch(() => undefined); void this.snapshot.containers().catch(() => undefined); };
    const firstReads: Record<ExplorerViewName, () => void> = {
      images: lists, dangling: lists, containers: () => void this.snapshot.containers().catch(() => undefined),
      diskUsage: () => undefined, volumes: () => undefined, networks: () => undefined,
    };
    const early: EarlyRows<TreeNode<ExplorerRef>> = { rows: () => this.answerImagesEarly(), treeItem: toTreeItem };
    const slot = (name: ExplorerViewName): ViewSlot => {
      const shell = new TreeShell<TreeNode<ExplorerRef>>(() => this.get(), firstReads[name], name === 'images' ? early : undefined);
      const view = vscode.window.createTreeView(viewIds[name], { treeDataProvider: shell, showCollapseAll: true });
      ctx.push(view, shell);
      return { id: viewIds[name], view, shell, drawRow: toTreeItem };
    };
    this.slots = {
      images: slot('images'), dangling: slot('dangling'), containers: slot('containers'),
      diskUsage: slot('diskUsage'), volumes: slot('volumes'), networks: slot('networks'),
    };
    // Reads started for a view before the explorer loaded belong to the engine they were asked of.
    ctx.push(ctx.onDidChangeEngine(() => { if (!this.loaded) this.snapshot.invalidate(); }));
    ctx.push(vscode.workspace.registerFileSystemProvider(containerScheme, fileSystemShell(() => this.containerFiles.get()),
      { isReadonly: true, isCaseSensitive: true }));
  }

  /**
   * The explorer, loading its code on the first call; not before the Images view's early answer
   * (if one is on its way) has left: loading it is one long synchronous stretch.
   */
  get(): Promise<Explorer> {
    const left = this.earlyAnswerLeft;
    return left && !this.explorer.loaded ? left.then(() => this.explorer.get()) : this.explorer.get();
  }

  /** The explorer if its code has loaded, without loading it. */
  get loaded(): Explorer | undefined {
    return this.explorer.loaded;
  }

  /**
   * The Images view's first rows from the snapshot, built by a small chunk instead of the explorer;
   * undefined (the view then loads and answers as usual, errors included) when the engine is
   * known to be unreachable or a read fails. The explorer loads once the answer has left.
   */
  private answerImagesEarly(): Promise<TreeNode<ImageTagRef>[] | undefined> {
    const answer = (async () => {
      if (this.ctx.state === 'unreachable') return undefined;
      const generation = this.snapshot.generation;
      try {
        const { rows, order } = await (await import('./imageRows')).imageRows(this.snapshot, '');
        this.earlyImageRows = { rows, generation, order };
        return rows;
      } catch {
        return undefined;
      }
    })();
    // A read that hangs (an engine that accepts but never answers) must not hold the other views
    // and the commands: after a second the explorer loads anyway.
    this.earlyAnswerLeft = Promise.race([answer.then((rows) => (rows ? afterAnswerSent() : undefined)), delay(earlyAnswerWaitMs)]);
    void this.earlyAnswerLeft.then(() => this.get()).catch((err: unknown) => this.ctx.log.warn(`The explorer failed to load: ${errorText(err)}`));
    return answer;
  }

  /** Each view's first ask for its top rows, timed (undefined: not asked yet). */
  firstRows(name: ExplorerViewName): FirstRows | undefined {
    return this.slots[name].shell.firstRows;
  }
}

/** How long the explorer's load waits for the Images view's early answer at most. */
const earlyAnswerWaitMs = 1000;

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * VS Code sends a provider's answer to the window on a timer turn after it resolves (its IPC writer
 * flushes on setTimeout 0): two turns later that write has happened.
 */
function afterAnswerSent(): Promise<void> {
  return new Promise((resolve) => setTimeout(() => setTimeout(resolve, 0), 0));
}

/** The file system VS Code gets at activation: every call goes to the real one once it has loaded. */
function fileSystemShell(target: () => Promise<vscode.FileSystemProvider>): vscode.FileSystemProvider {
  const changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  return {
    onDidChangeFile: changed.event,
    watch: () => new vscode.Disposable(() => undefined),
    stat: async (uri) => (await target()).stat(uri),
    readDirectory: async (uri) => (await target()).readDirectory(uri),
    readFile: async (uri) => (await target()).readFile(uri),
    createDirectory: async (uri) => (await target()).createDirectory(uri),
    writeFile: async (uri, content, options) => (await target()).writeFile(uri, content, options),
    delete: async (uri, options) => (await target()).delete(uri, options),
    rename: async (from, to, options) => (await target()).rename(from, to, options),
  };
}
