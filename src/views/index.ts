// The explorer: six views over one engine snapshot, kept live from the engine's event stream.
// Loaded on first use through the door (door.ts), which registered the views at activation.
import * as vscode from 'vscode';
import { isCurrentOrder } from './imageRows';
import type { Ctx } from '../ctx';
import type { ContainerFileSystem } from './containerFileSystem';
import type { ExplorerDoor } from './door';
import { ContainersView } from './containersView';
import { DanglingView } from './danglingView';
import { DiskUsageView } from './diskUsageView';
import type { ExplorerTree } from './explorerTree';
import { ImagesView } from './imagesView';
import { LiveUpdates } from './live';
import { NetworksView } from './networksView';
import { VolumesView } from './volumesView';
import { RelativeTimes } from './relativeTimes';
import { StatsPanel } from '../webview/statsPanel';
import type { EngineSnapshot } from '../docker/snapshot';

export interface Explorer {
  images: ImagesView;
  dangling: DanglingView;
  containers: ContainersView;
  diskUsage: DiskUsageView;
  volumes: VolumesView;
  networks: NetworksView;
  snapshot: EngineSnapshot;
  live: LiveUpdates;
  /** `layerscope-container:` documents: a container's files, read-only. */
  containerFiles: ContainerFileSystem;
  /** The one timer that keeps relative times current in the visible views. */
  relativeTimes: RelativeTimes;
  /** The live Stats panel (one webview, one stats stream per followed container). */
  stats: StatsPanel;
  /** Re-reads everything from the engine and rebuilds every view; resolves when all are done. */
  refreshAll(): Promise<void>;
}

/** Builds the views on the door's slots and what keeps them live (`ctx.explorer.get()` resolves to it). */
export async function registerViews(ctx: Ctx, door: ExplorerDoor): Promise<Explorer> {
  const { snapshot, slots } = door;
  const containerFiles = door.containerFiles.get(); // its own chunk: loads beside the rest
  const images = new ImagesView(ctx, snapshot, slots.images);
  const dangling = new DanglingView(ctx, snapshot, slots.dangling);
  const containers = new ContainersView(ctx, snapshot, slots.containers);
  const diskUsage = new DiskUsageView(ctx, snapshot, slots.diskUsage);
  const volumes = new VolumesView(ctx, snapshot, slots.volumes);
  const networks = new NetworksView(ctx, snapshot, slots.networks);
  const trees: ExplorerTree[] = [images, dangling, containers, diskUsage, volumes, networks];
  const live = new LiveUpdates(ctx, snapshot, { images, dangling, containers, diskUsage, volumes, networks });
  ctx.push(live);
  const relativeTimes = new RelativeTimes([images, dangling, containers]);
  const stats = new StatsPanel(ctx);
  ctx.push(relativeTimes, stats);
  // The rows the Images view answered before this code loaded (after the ticker, which plans on them).
  const early = door.earlyImageRows;
  if (early) {
    const current = early.generation === snapshot.generation && isCurrentOrder(early.order);
    images.adopt(early.rows, current);
  }

  const refreshAll = async () => {
    snapshot.invalidate();
    await Promise.all(trees.map((t) => t.reload()));
  };
  // A full resync: the Refresh command, or the event stream reconnecting after a gap.
  ctx.push(ctx.onDidRequestRefresh(() => void refreshAll()));
  ctx.push(ctx.onDidChangeState(() => {
    snapshot.invalidate();
    for (const t of trees) t.onEngineState();
  }));
  ctx.push(ctx.onDidChangeEngine(() => void refreshAll()));
  ctx.push(ctx.onDidEngineEvent((e) => live.onEvent(e)));
  ctx.push(vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('layerscope.images')) void images.reload();
    if (e.affectsConfiguration('layerscope.containers')) void containers.reload();
    if (e.affectsConfiguration('layerscope.dangling')) void dangling.reload();
  }));

  return { images, dangling, containers, diskUsage, volumes, networks, snapshot, live, containerFiles: await containerFiles, relativeTimes, stats, refreshAll };
}
