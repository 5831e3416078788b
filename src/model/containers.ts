// The Containers view as pure data, with incremental updates: one container event changes one row
// (and the counts of the groups it leaves and joins), never the whole list.
import { groupNode, retimeRows, shortId, type IconSpec, type Retimed, type TreeNode } from './tree';
import { liveStatus } from './liveStatus';
import type { ContainerState, ContainerSummary } from './types';

export type ContainerGroupBy = 'state' | 'compose';

export interface ContainerRef {
  kind: 'container';
  container: ContainerSummary;
}

const composeLabel = 'com.docker.compose.project';

/** The state groups, in display order. Restarting counts as running; dead as exited; created-never-started has its own. */
const stateGroups: { key: string; label: string; states: ContainerState[]; icon: IconSpec }[] = [
  { key: 'running', label: 'Running', states: ['running', 'restarting'], icon: { id: 'vm-running', color: 'charts.green' } },
  { key: 'paused', label: 'Paused', states: ['paused'], icon: { id: 'debug-pause', color: 'charts.yellow' } },
  { key: 'exited', label: 'Exited', states: ['exited', 'dead', 'removing'], icon: { id: 'vm-outline' } },
  { key: 'created', label: 'Created', states: ['created'], icon: { id: 'circle-large-outline' } },
];

export function containerName(c: ContainerSummary): string {
  return c.names[0] ?? shortId(c.id);
}

export function formatPorts(c: ContainerSummary): string {
  return c.ports
    .map((p) => (p.publicPort ? `${p.ip && p.ip !== '0.0.0.0' ? `${p.ip}:` : ''}${p.publicPort}->${p.privatePort}/${p.type}` : `${p.privatePort}/${p.type}`))
    .filter((v, i, all) => all.indexOf(v) === i)
    .join(', ');
}

/** Icon by state, and by health for running containers. */
export function containerIcon(c: ContainerSummary): IconSpec {
  if (c.state === 'running') {
    if (c.health === 'unhealthy') return { id: 'error', color: 'charts.red' };
    if (c.health === 'starting') return { id: 'pulse', color: 'charts.yellow' };
    if (c.health === 'healthy') return { id: 'pass-filled', color: 'charts.green' };
    return { id: 'vm-running', color: 'charts.green' };
  }
  if (c.state === 'restarting') return { id: 'sync', color: 'charts.yellow' };
  if (c.state === 'paused') return { id: 'debug-pause', color: 'charts.yellow' };
  if (c.state === 'dead') return { id: 'error', color: 'charts.red' };
  if (c.state === 'created') return { id: 'circle-large-outline' };
  return { id: 'vm-outline', color: 'disabledForeground' };
}

/** contextValue: `container.running`, `container.paused`, `container.exited`, `container.created`, … */
export function containerContext(c: ContainerSummary): string {
  return `container.${c.state}`;
}

/** Hover text, built when a row is hovered (resolveTreeItem), not for every row of a refresh. */
export function containerTooltip(c: ContainerSummary, nowMs: number): string {
  const ports = formatPorts(c);
  return [`${containerName(c)} (${shortId(c.id)})`, `Image ${c.image}`, `State ${c.state}${c.health ? ` (${c.health})` : ''}`, `Status ${liveStatus(c, nowMs)}`,
    ports ? `Ports ${ports}` : '', `Command ${c.command}`, c.labels[composeLabel] ? `Compose project ${c.labels[composeLabel]}` : '']
    .filter(Boolean).join('\n');
}

function containerDescription(c: ContainerSummary, nowMs: number): string {
  const status = liveStatus(c, nowMs);
  const ports = c.ports.length ? formatPorts(c) : '';
  const description = status ? `${c.image} · ${status}` : c.image;
  return ports ? `${description} · ${ports}` : description;
}

export function containerNode(c: ContainerSummary, nowMs: number): TreeNode<ContainerRef> {
  const description = containerDescription(c, nowMs);
  return {
    item: {
      id: `container:${c.id}`,
      label: containerName(c),
      description,
      contextValue: containerContext(c),
      icon: containerIcon(c),
      // Expands to its Layer and Files (src/views/containerChildren.ts).
      collapse: 'collapsed',
    },
    ref: { kind: 'container', container: c },
  };
}

interface Group {
  key: string;
  node: TreeNode<ContainerRef>;
  label: string;
}

/** What changed after `apply`: the views fire a change for exactly these nodes (undefined: the root). */
export interface ContainerChange {
  nodes: (TreeNode<ContainerRef> | undefined)[];
}

export class ContainerTreeModel {
  private readonly groups = new Map<string, Group>();
  private readonly rows = new Map<string, { node: TreeNode<ContainerRef>; group: Group }>();
  private order: string[] = [];

  constructor(containers: ContainerSummary[], readonly groupBy: ContainerGroupBy, private nowMs = Date.now()) {
    if (groupBy === 'state') this.order = stateGroups.map((g) => g.key);
    // Sort on precomputed keys: a thousand containers sort in well under a millisecond.
    const keyed = containers.map((c) => ({ c, key: containerName(c).toLowerCase() }));
    keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const { c } of keyed) this.insert(c, true);
  }

  /** The groups that have containers, in display order. */
  roots(): TreeNode<ContainerRef>[] {
    return this.order.map((k) => this.groups.get(k)).filter((g): g is Group => !!g && (g.node.children?.length ?? 0) > 0).map((g) => g.node);
  }

  node(id: string): TreeNode<ContainerRef> | undefined {
    return this.rows.get(id)?.node;
  }

  get size(): number {
    return this.rows.size;
  }

  /**
   * Re-words the statuses for `nowMs` (the view's one timer calls it): returns the rows whose text
   * changed and how long until the next one may, undefined when no status counts time.
   */
  retime(nowMs: number): Retimed<ContainerRef> {
    this.nowMs = nowMs;
    return retimeRows([...this.rows.values()].map((row) => row.node), nowMs, ({ ref }) => {
      const c = ref!.container;
      return c.statusClock ? { description: containerDescription(c, nowMs), ageMs: nowMs - c.statusClock.since } : undefined;
    });
  }

  /** Applies one container's new summary (undefined: it is gone). Returns the nodes to redraw. */
  apply(id: string, next: ContainerSummary | undefined, nowMs = Date.now()): ContainerChange {
    this.nowMs = nowMs;
    const row = this.rows.get(id);
    if (!next) {
      if (!row) return { nodes: [] };
      this.detach(id, row.group);
      return { nodes: this.isShown(row.group) ? [row.group.node] : [undefined] };
    }
    const key = this.groupKey(next);
    if (row && row.group.key === key) {
      // Same group: update the row object in place so the view redraws just this element.
      const fresh = containerNode(next, this.nowMs);
      row.node.item = fresh.item;
      row.node.ref = fresh.ref;
      if (this.groupBy === 'compose') {
        this.count(row.group);
        return { nodes: [row.group.node] };
      }
      return { nodes: [row.node] };
    }
    const before = this.roots();
    if (row) this.detach(id, row.group);
    const group = this.insert(next);
    // A group that appears or disappears changes the root list; otherwise only the groups the row
    // left and joined redraw (a redrawn row makes VS Code re-ask for every expanded row below it).
    const after = this.roots();
    if (after.length !== before.length || after.some((g, i) => g !== before[i])) return { nodes: [undefined] };
    return { nodes: row ? [row.group.node, group.node] : [group.node] };
  }

  private isShown(group: Group): boolean {
    return (group.node.children?.length ?? 0) > 0;
  }

  private groupKey(c: ContainerSummary): string {
    if (this.groupBy === 'compose') return c.labels[composeLabel] ?? '';
    return stateGroups.find((g) => g.states.includes(c.state))?.key ?? 'exited';
  }

  private insert(c: ContainerSummary, sortedInput = false): Group {
    const key = this.groupKey(c);
    let group = this.groups.get(key);
    if (!group) {
      const def = stateGroups.find((g) => g.key === key);
      const label = this.groupBy === 'state' ? def?.label ?? key : key || 'No compose project';
      group = { key, label, node: groupNode(`containerGroup:${this.groupBy}:${key}`, label, '', [], def?.icon ?? { id: key ? 'layers' : 'package' }) };
      this.groups.set(key, group);
      if (!this.order.includes(key)) {
        this.order.push(key);
        if (this.groupBy === 'compose') this.order.sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
      }
    }
    const node = containerNode(c, this.nowMs);
    const children = group.node.children!;
    const at = sortedInput ? -1 : children.findIndex((n) => compareContainers(c, n.ref!.container) < 0);
    children.splice(at < 0 ? children.length : at, 0, node);
    this.rows.set(c.id, { node, group });
    this.count(group);
    return group;
  }

  private detach(id: string, group: Group): void {
    const row = this.rows.get(id)!;
    const children = group.node.children!;
    children.splice(children.indexOf(row.node), 1);
    this.rows.delete(id);
    this.count(group);
  }

  private count(group: Group): void {
    const n = group.node.children!.length;
    if (this.groupBy === 'compose') {
      const running = group.node.children!.filter((c) => c.ref!.container.state === 'running').length;
      group.node.item.description = `${n} (${running} running)`;
    } else {
      group.node.item.description = String(n);
    }
  }
}

/** Case-insensitive by name, the same order the constructor sorts in. */
function compareContainers(a: ContainerSummary, b: ContainerSummary): number {
  const x = containerName(a).toLowerCase();
  const y = containerName(b).toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}
