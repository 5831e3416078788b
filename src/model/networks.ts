// The Networks view as pure data: each network with driver, scope, internal, subnets and the
// containers attached (children), and the refusal text for removing one that has any.
import { containerName } from './containers';
import type { TreeNode } from './tree';
import type { ContainerSummary, NetworkSummary } from './types';
import { describeUsers, isRunning } from './volumes';

export interface NetworkRef {
  kind: 'network';
  network: NetworkSummary;
  attached: ContainerSummary[];
  /** bridge, host, none: made by the engine, never removed. */
  builtin: boolean;
}

export interface NetworkMemberRef {
  kind: 'networkMember';
  network: string;
  container: ContainerSummary;
}

const builtinNames = new Set(['bridge', 'host', 'none']);

export function isBuiltinNetwork(n: NetworkSummary): boolean {
  return builtinNames.has(n.name);
}

/**
 * The containers (any state) on each network, by network ID. A container that never started has
 * no endpoint yet (no ID), only the network's name: it counts too, or a prune would take the
 * network it needs to start.
 */
export function networkMembers(networks: NetworkSummary[], containers: ContainerSummary[]): Map<string, ContainerSummary[]> {
  const byName = new Map(networks.map((n) => [n.name, n.id]));
  const by = new Map<string, ContainerSummary[]>();
  for (const c of containers) {
    for (const a of c.attachments?.networks ?? []) {
      const id = a.id || byName.get(a.name);
      if (id) by.set(id, [...(by.get(id) ?? []), c]);
    }
  }
  return by;
}

export function buildNetworkTree(networks: NetworkSummary[], containers: ContainerSummary[]): TreeNode<NetworkRef | NetworkMemberRef>[] {
  const members = networkMembers(networks, containers);
  const sorted = [...networks].sort((a, b) => Number(isBuiltinNetwork(a)) - Number(isBuiltinNetwork(b)) || a.name.localeCompare(b.name));
  return sorted.map((n) => {
    const attached = members.get(n.id) ?? [];
    const builtin = isBuiltinNetwork(n);
    const parts = [n.driver, n.scope, n.internal ? 'internal' : '', n.subnets.join(', '),
      attached.length ? `${attached.length} container${attached.length === 1 ? '' : 's'}` : 'no containers'];
    return {
      item: {
        id: `network:${n.id}`,
        label: n.name,
        description: parts.filter(Boolean).join(' · '),
        tooltip: [`Network ${n.name} (${n.id.slice(0, 12)})`, `Driver ${n.driver}`, `Scope ${n.scope}`,
          `Internal ${n.internal ? 'yes: no route outside this network' : 'no'}`, `Subnet ${n.subnets.join(', ') || '—'}`,
          attached.length ? `Attached ${describeUsers(attached)}` : 'No container attached', builtin ? 'Made by the engine; cannot be removed' : ''].filter(Boolean).join('\n'),
        contextValue: builtin ? 'network.builtin' : attached.length ? 'network.inUse' : 'network',
        icon: { id: builtin ? 'globe' : 'type-hierarchy', color: attached.length ? 'charts.green' : undefined },
        collapse: attached.length ? 'collapsed' : undefined,
      },
      ref: { kind: 'network', network: n, attached, builtin },
      children: attached.length ? attached.map((c): TreeNode<NetworkMemberRef> => ({
        item: {
          id: `network:${n.id}:member:${c.id}`, label: containerName(c), description: `${c.state} · ${c.image}`,
          contextValue: 'networkMember', icon: isRunning(c) ? { id: 'vm-running', color: 'charts.green' } : { id: 'vm-outline' },
        },
        ref: { kind: 'networkMember', network: n.id, container: c },
      })) : undefined,
    };
  });
}

/** Why a network cannot be removed now (undefined: it can). */
export function networkInUse(n: NetworkSummary, containers: ContainerSummary[]): string | undefined {
  if (isBuiltinNetwork(n)) return `Network ${n.name} is made by the engine and cannot be removed.`;
  const attached = networkMembers([n], containers).get(n.id);
  return attached?.length ? `Network ${n.name} has containers attached: ${describeUsers(attached)}. Remove or disconnect them first.` : undefined;
}
