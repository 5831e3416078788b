// What a container row expands to in the Containers view: its Layer (sizes and changes, asked for
// this one container when expanded) and its Files (one directory listed per expand). What was read
// is kept by row id: VS Code re-asks for the children of every expanded row below a row it redraws
// (a status that ticks, another container joining the group), and answering from the engine again
// replaced the rows under the person's pointer. The view forgets a row's children when they may
// differ: the container's state changed, the row was collapsed, an action changed it, Refresh.
import { config } from '../config';
import type { Ctx } from '../ctx';
import { listContainerDir } from '../docker/containerFiles';
import { type ChangeNode, changesTree, countChanges, pathsToStat, type PathStat } from '../model/containerLayer';
import {
  changeNode, type ContainerChildRef, filesNode, layerNode, listingNodes, noteNode,
} from '../model/containerNodes';
import type { ContainerRef } from '../model/containers';
import type { TreeNode } from '../model/tree';
import type { ContainerSummary } from '../model/types';

type Node = TreeNode<ContainerRef | ContainerChildRef>;
/** HEAD requests at once when sizing the changed paths. */
const statConcurrency = 8;

export class ContainerChildren {
  private readonly parents = new WeakMap<Node, Node>();
  /** Children read from the engine, by the id of the row they belong to. */
  private readonly known = new Map<string, Promise<Node[]>>();
  /** Test hook: how many times a row's children were read from the engine. */
  engineReads = 0;

  constructor(private readonly ctx: Ctx) {}

  /** Children of a container row or of one of our rows; undefined for rows that are not ours. */
  async children(node: Node): Promise<Node[] | undefined> {
    const ref = node.ref;
    if (ref?.kind === 'containerChange') {
      // A change tree comes whole with its Layer row.
      const kids = node.children ?? [];
      this.remember(node, kids);
      return kids;
    }
    const read = ref?.kind === 'container' ? () => this.containerRows(ref.container)
      : ref?.kind === 'containerLayer' ? () => this.changeRows(ref.container)
        : ref?.kind === 'containerPath' && ref.entry.kind === 'dir' ? () => this.dirRows(ref.container, ref.entry.path)
          : undefined;
    if (!read) return undefined;
    const id = node.item.id;
    let kids = this.known.get(id);
    if (!kids) {
      this.engineReads++;
      kids = read();
      this.known.set(id, kids);
      // A failed read is not kept: the next ask tries again.
      void kids.then((rows) => { if (rows.some(isError) && this.known.get(id) === kids) this.known.delete(id); });
    }
    const rows = await kids;
    this.remember(node, rows);
    return rows;
  }

  /** Forgets what was read below this row (and below its children), so the next ask reads again. */
  forget(node: Node): void {
    const ref = node.ref;
    if (ref?.kind === 'container') this.forgetContainer(ref.container.id);
    this.known.delete(node.item.id);
    if (ref?.kind === 'containerPath' && ref.entry.kind === 'dir') {
      // Rows below a folder have ids containerPath:<container>:<folder>/…
      const below = `containerPath:${ref.container.id}:${ref.entry.path.replace(/\/?$/, '/')}`;
      for (const id of [...this.known.keys()]) if (id.startsWith(below)) this.known.delete(id);
    }
  }

  /** Forgets everything read below one container's row (row ids end in :<id> or hold :<id>:). */
  forgetContainer(containerId: string): void {
    for (const id of [...this.known.keys()]) if (id.endsWith(`:${containerId}`) || id.includes(`:${containerId}:`)) this.known.delete(id);
  }

  forgetAll(): void {
    this.known.clear();
  }

  /** Parents of the rows returned and of the rows built with them (a change tree comes whole). */
  private remember(parent: Node, kids: Node[]): void {
    for (const k of kids) {
      this.parents.set(k, parent);
      if (k.children) this.remember(k, k.children);
    }
  }

  parentOf(node: Node): Node | undefined {
    return this.parents.get(node);
  }

  /** Layer (with its size asked now, for this container only) and Files. */
  private async containerRows(c: ContainerSummary): Promise<Node[]> {
    const [size, changes] = await Promise.allSettled([this.ctx.engine.containerSize(c.id), this.ctx.engine.containerChanges(c.id)]);
    const error = size.status === 'rejected' ? size.reason : changes.status === 'rejected' ? changes.reason : undefined;
    return [
      layerNode(c, size.status === 'fulfilled' ? size.value : undefined, changes.status === 'fulfilled' ? countChanges(changes.value) : undefined,
        error ? (error as Error).message : undefined),
      filesNode(c),
    ];
  }

  /** The changes as a tree, sized by a HEAD stat of each added/changed path (capped by a setting). */
  async changes(c: ContainerSummary, signal?: AbortSignal): Promise<ChangeNode> {
    const changes = await this.ctx.engine.containerChanges(c.id, signal);
    const paths = pathsToStat(changes, config.containerFiles().maxSizeStats);
    const stats = new Map<string, PathStat>();
    let next = 0;
    const worker = async () => {
      while (next < paths.length) {
        const path = paths[next++];
        // A path removed since /changes answered just has no size.
        const stat = await this.ctx.engine.statContainerPath(c.id, path, signal).catch(() => undefined);
        if (stat) stats.set(path, stat);
      }
    };
    await Promise.all(Array.from({ length: Math.min(statConcurrency, paths.length) }, worker));
    return changesTree(changes, stats);
  }

  private async changeRows(c: ContainerSummary): Promise<Node[]> {
    try {
      const tree = await this.changes(c);
      return tree.children.length ? tree.children.map((n) => changeNode(c, n)) : [noteNode(`containerNote:${c.id}:nochanges`, 'No changes against the image', 'info')];
    } catch (err) {
      return [noteNode(`containerNote:${c.id}:changes`, (err as Error).message, 'error')];
    }
  }

  private async dirRows(c: ContainerSummary, dir: string): Promise<Node[]> {
    const settings = config.containerFiles();
    try {
      const listing = await listContainerDir(this.ctx.engine, c.id, dir, {
        running: c.state === 'running', method: settings.listing, maxArchiveEntries: settings.maxArchiveEntries,
      });
      return listingNodes(c, listing);
    } catch (err) {
      return [noteNode(`containerNote:${c.id}:${dir}:error`, (err as Error).message, 'error')];
    }
  }
}

function isError(row: Node): boolean {
  return row.item.contextValue === 'containerNote' && row.item.icon?.id === 'error';
}
