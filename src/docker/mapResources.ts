// Engine API JSON <-> model shapes for networks, container attachments, "Run…" and streamed stats
// (issue 10 §3–4); kept apart from mapping.ts so the two areas grow without touching each other.
import type { ContainerAttachments, NetworkSummary, RunSpec, StatsFrame } from '../model/types';
import { arr, labels, num, obj, str } from './json';

const seconds = (iso: unknown): number => {
  const t = Date.parse(str(iso));
  return Number.isNaN(t) ? 0 : Math.floor(t / 1000);
};

export function mapNetwork(raw: unknown): NetworkSummary {
  const n = obj(raw);
  return {
    id: str(n.Id),
    name: str(n.Name),
    driver: str(n.Driver),
    scope: str(n.Scope),
    internal: n.Internal === true,
    subnets: arr(obj(n.IPAM).Config).map((c) => str(obj(c).Subnet)).filter(Boolean),
    created: seconds(n.Created),
    labels: labels(n.Labels),
  };
}

/** Named volumes and networks of one container, from a list entry (`Mounts`, `NetworkSettings`) or inspect. */
export function mapAttachments(raw: unknown): ContainerAttachments {
  const c = obj(raw);
  const volumes = arr(c.Mounts).map(obj).filter((m) => str(m.Type) === 'volume' && str(m.Name)).map((m) => str(m.Name));
  const networks = Object.entries(obj(obj(c.NetworkSettings).Networks)).map(([name, n]) => ({ name, id: str(obj(n).NetworkID) }));
  return { volumes, networks };
}

/** The `POST /containers/create` body for a RunSpec (what `docker run` would send). */
export function runSpecBody(spec: RunSpec): Record<string, unknown> {
  const exposed: Record<string, object> = {};
  const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const p of spec.ports) {
    const key = p.container.includes('/') ? p.container : `${p.container}/tcp`;
    exposed[key] = {};
    (bindings[key] ??= []).push({ HostIp: p.hostIp ?? '', HostPort: p.host });
  }
  const interactive = spec.interactive;
  return {
    Image: spec.image,
    ...(spec.command.length ? { Cmd: spec.command } : {}),
    Env: spec.env,
    ExposedPorts: exposed,
    Labels: spec.labels ?? {},
    Tty: interactive,
    OpenStdin: interactive,
    AttachStdin: interactive,
    AttachStdout: interactive,
    AttachStderr: interactive,
    HostConfig: {
      Binds: spec.volumes,
      PortBindings: bindings,
      AutoRemove: spec.autoRemove,
      ...(spec.network ? { NetworkMode: spec.network } : {}),
    },
  };
}

/** One streamed stats message, reduced to the Stats panel's figures (CPU % is computed in model/stats.ts). */
export function mapStatsFrame(raw: unknown): StatsFrame {
  const s = obj(raw);
  const cpu = obj(s.cpu_stats);
  const pre = obj(s.precpu_stats);
  const mem = obj(s.memory_stats);
  const memStats = obj(mem.stats);
  // Page cache is reclaimable: cgroup v1 reports it as total_inactive_file, v2 as inactive_file.
  const cache = num(memStats.total_inactive_file, num(memStats.inactive_file));
  const usage = num(mem.usage);
  let netRx = 0;
  let netTx = 0;
  for (const n of Object.values(obj(s.networks))) {
    netRx += num(obj(n).rx_bytes);
    netTx += num(obj(n).tx_bytes);
  }
  let blockRead = 0;
  let blockWrite = 0;
  for (const e of arr(obj(s.blkio_stats).io_service_bytes_recursive)) {
    const op = str(obj(e).op).toLowerCase();
    if (op === 'read') blockRead += num(obj(e).value);
    if (op === 'write') blockWrite += num(obj(e).value);
  }
  const readAt = Date.parse(str(s.read));
  return {
    readAt: Number.isNaN(readAt) ? Date.now() : readAt,
    cpuTotal: num(obj(cpu.cpu_usage).total_usage),
    preCpuTotal: num(obj(pre.cpu_usage).total_usage),
    systemCpu: num(cpu.system_cpu_usage),
    preSystemCpu: num(pre.system_cpu_usage),
    onlineCpus: num(cpu.online_cpus) || arr(obj(cpu.cpu_usage).percpu_usage).length || 1,
    memoryUsage: cache < usage ? usage - cache : usage,
    memoryLimit: num(mem.limit),
    netRx, netTx, blockRead, blockWrite,
    pids: num(obj(s.pids_stats).current),
  };
}
