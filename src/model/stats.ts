// Live container stats as pure computations: CPU % from the engine's deltas, I/O rates between
// frames, and the last minute of samples for the sparklines. The Stats panel only draws these.
import { formatBytes } from './format';
import type { StatsFrame } from './types';

/** CPU % as `docker stats` computes it: the container's share of the host's CPU time since the previous frame, times the CPUs. */
export function cpuPercent(f: StatsFrame): number {
  const cpuDelta = f.cpuTotal - f.preCpuTotal;
  const systemDelta = f.systemCpu - f.preSystemCpu;
  return cpuDelta > 0 && systemDelta > 0 ? (cpuDelta / systemDelta) * f.onlineCpus * 100 : 0;
}

export interface StatsPoint {
  at: number;
  cpu: number;
  memory: number;
}

/** What the panel shows for one container. */
export interface StatsView {
  cpu: string;
  memory: string;
  memoryPercent: number;
  net: string;
  block: string;
  pids: string;
  /** Sparkline polylines ("x,y x,y …") in a 100×20 box, oldest left. */
  cpuLine: string;
  memoryLine: string;
}

/** One container's recent frames: the latest, the one before (for rates) and a window of points. */
export class StatsHistory {
  private readonly points: StatsPoint[] = [];
  private last: StatsFrame | undefined;
  private previous: StatsFrame | undefined;

  constructor(private readonly windowMs = 60_000) {}

  push(frame: StatsFrame): void {
    this.previous = this.last;
    this.last = frame;
    this.points.push({ at: frame.readAt, cpu: cpuPercent(frame), memory: frame.memoryUsage });
    const from = frame.readAt - this.windowMs;
    while (this.points.length && this.points[0].at < from) this.points.shift();
  }

  get latest(): StatsFrame | undefined {
    return this.last;
  }

  get samples(): readonly StatsPoint[] {
    return this.points;
  }

  view(): StatsView | undefined {
    const f = this.last;
    if (!f) return undefined;
    const seconds = this.previous ? Math.max(0.001, (f.readAt - this.previous.readAt) / 1000) : 0;
    const rate = (now: number, before: number | undefined) => (seconds && before !== undefined ? ` (${formatBytes(Math.max(0, now - before) / seconds)}/s)` : '');
    const p = this.previous;
    const memoryPercent = f.memoryLimit > 0 ? (f.memoryUsage / f.memoryLimit) * 100 : 0;
    return {
      cpu: `${cpuPercent(f).toFixed(1)} %`,
      memory: `${formatBytes(f.memoryUsage)}${f.memoryLimit > 0 ? ` / ${formatBytes(f.memoryLimit)} (${memoryPercent.toFixed(1)} %)` : ''}`,
      memoryPercent,
      net: `↓ ${formatBytes(f.netRx)}${rate(f.netRx, p?.netRx)} · ↑ ${formatBytes(f.netTx)}${rate(f.netTx, p?.netTx)}`,
      block: `read ${formatBytes(f.blockRead)}${rate(f.blockRead, p?.blockRead)} · write ${formatBytes(f.blockWrite)}${rate(f.blockWrite, p?.blockWrite)}`,
      pids: String(f.pids),
      cpuLine: sparkline(this.points.map((s) => ({ at: s.at, value: s.cpu })), f.readAt, this.windowMs, Math.max(100, f.onlineCpus * 100)),
      memoryLine: sparkline(this.points.map((s) => ({ at: s.at, value: s.memory })), f.readAt, this.windowMs, f.memoryLimit > 0 ? f.memoryLimit : Math.max(1, ...this.points.map((s) => s.memory))),
    };
  }
}

/**
 * A polyline in a 100×20 box: time on x (the window ending at `endAt`), value on y scaled to
 * `max` (0 at the bottom). Empty for no points.
 */
export function sparkline(points: { at: number; value: number }[], endAt: number, windowMs: number, max: number): string {
  const scale = max > 0 ? max : 1;
  return points.map((p) => {
    const x = 100 - ((endAt - p.at) / windowMs) * 100;
    const y = 20 - Math.min(1, Math.max(0, p.value / scale)) * 20;
    return `${round(Math.max(0, x))},${round(y)}`;
  }).join(' ');
}

const round = (n: number) => Math.round(n * 10) / 10;
