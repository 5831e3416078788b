// The Volumes view as pure data: each volume with its size (from /system/df), driver, mountpoint
// and the containers that use it (children), and the refusal text for removing one in use.
import { containerName } from './containers';
import { formatBytes } from './format';
import { shortId, type TreeNode } from './tree';
import type { ContainerSummary, VolumeSummary } from './types';

export interface VolumeRef {
  kind: 'volume';
  volume: VolumeSummary;
  users: ContainerSummary[];
}

export interface VolumeUserRef {
  kind: 'volumeUser';
  volume: string;
  container: ContainerSummary;
}

const live = new Set(['running', 'paused', 'restarting']);

export function isRunning(c: ContainerSummary): boolean {
  return live.has(c.state);
}

/** "web (running), job (exited)". */
export function describeUsers(users: ContainerSummary[]): string {
  return users.map((c) => `${containerName(c)} (${c.state})`).join(', ');
}

/** Containers by the named volume they mount. */
export function volumeUsers(containers: ContainerSummary[]): Map<string, ContainerSummary[]> {
  const by = new Map<string, ContainerSummary[]>();
  for (const c of containers) for (const v of c.attachments?.volumes ?? []) by.set(v, [...(by.get(v) ?? []), c]);
  return by;
}

/** Anonymous volumes are named by 64 hex digits: show 12, like IDs. */
export function volumeLabel(name: string): string {
  return /^[0-9a-f]{64}$/.test(name) ? shortId(name) : name;
}

function userNode(volume: string, c: ContainerSummary): TreeNode<VolumeUserRef> {
  return {
    item: {
      id: `volume:${volume}:user:${c.id}`, label: containerName(c), description: `${c.state} · ${c.image}`,
      contextValue: 'volumeUser', icon: isRunning(c) ? { id: 'vm-running', color: 'charts.green' } : { id: 'vm-outline' },
    },
    ref: { kind: 'volumeUser', volume, container: c },
  };
}

/** `sizes`: bytes per volume name from /system/df (the list does not compute them). */
export function buildVolumeTree(volumes: VolumeSummary[], containers: ContainerSummary[], sizes: Map<string, number>): TreeNode<VolumeRef | VolumeUserRef>[] {
  const users = volumeUsers(containers);
  return [...volumes].sort((a, b) => a.name.localeCompare(b.name)).map((v) => {
    const used = users.get(v.name) ?? [];
    const size = sizes.get(v.name) ?? v.size;
    const running = used.filter(isRunning).length;
    const usage = used.length ? `in use by ${used.length}${running ? ` (${running} running)` : ''}` : 'unused';
    return {
      item: {
        id: `volume:${v.name}`,
        label: volumeLabel(v.name),
        description: [size >= 0 ? formatBytes(size) : 'size ?', v.driver, usage].join(' · '),
        tooltip: [`Volume ${v.name}`, `Driver ${v.driver}`, `Mountpoint ${v.mountpoint}`, `Size ${size >= 0 ? formatBytes(size) : 'not computed by the engine'}`,
          used.length ? `Used by ${describeUsers(used)}` : 'Not used by any container'].join('\n'),
        contextValue: used.length ? 'volume.inUse' : 'volume',
        icon: { id: 'database', color: used.length ? 'charts.green' : undefined },
        collapse: used.length ? 'collapsed' : undefined,
      },
      ref: { kind: 'volume', volume: { ...v, size }, users: used },
      children: used.length ? used.map((c) => userNode(v.name, c)) : undefined,
    };
  });
}

/** Why a volume cannot be removed now (undefined: it can): the containers that use it, named. */
export function volumeInUse(name: string, containers: ContainerSummary[]): string | undefined {
  const used = volumeUsers(containers).get(name);
  return used?.length ? `Volume ${volumeLabel(name)} is in use by ${describeUsers(used)}. Remove ${used.length === 1 ? 'that container' : 'those containers'} first.` : undefined;
}
