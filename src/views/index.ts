// The explorer: four views over one engine snapshot, kept live from the engine's event stream.
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { ContainerFileSystem } from './containerFileSystem';
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
import { EngineSnapshot } from '../docker/snapshot';

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

/** Builds the views and what keeps them live (activate() hangs the result on `ctx.explorer`). */
export function registerViews(ctx: Ctx): Explorer {
  const snapshot = new EngineSnapshot(() => ctx.engine);
  const images = new ImagesView(ctx, snapshot);
  const dangling = new DanglingView(ctx, snapshot);
  const containers = new ContainersView(ctx, snapshot);
  const diskUsage = new DiskUsageView(ctx, snapshot);
  const volumes = new VolumesView(ctx, snapshot);
  const networks = new NetworksView(ctx, snapshot);
  const trees: ExplorerTree[] = [images, dangling, containers, diskUsage, volumes, networks];
  const live = new LiveUpdates(ctx, snapshot, { images, dangling, containers, diskUsage, volumes, networks });
  ctx.push(live);
  const relativeTimes = new RelativeTimes([images, dangling, containers]);
  const stats = new StatsPanel(ctx);
  ctx.push(relativeTimes, stats);

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

  const containerFiles = new ContainerFileSystem(ctx);
  return { images, dangling, containers, diskUsage, volumes, networks, snapshot, live, containerFiles, relativeTimes, stats, refreshAll };
}
