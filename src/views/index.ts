// The explorer: four views over one engine snapshot, kept live from the engine's event stream.
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { ImagesView } from './imagesView';
import { EngineSnapshot } from './snapshot';
import type { ExplorerTree } from './explorerTree';

export interface Explorer {
  images: ImagesView;
  snapshot: EngineSnapshot;
  /** Re-reads everything from the engine and rebuilds every view; resolves when all are done. */
  refreshAll(): Promise<void>;
}

const explorers = new WeakMap<Ctx, Explorer>();

/** The explorer registered for this context (commands reach the views through it). */
export function explorerOf(ctx: Ctx): Explorer {
  const e = explorers.get(ctx);
  if (!e) throw new Error('The Layerscope explorer is not registered yet.');
  return e;
}

export function registerViews(ctx: Ctx): Explorer {
  const snapshot = new EngineSnapshot(() => ctx.engine);
  const images = new ImagesView(ctx, snapshot);
  const trees: ExplorerTree[] = [images];
  const refreshAll = async () => {
    snapshot.invalidate();
    await Promise.all(trees.map((t) => t.reload()));
  };
  ctx.push(ctx.onDidRequestRefresh(() => void refreshAll()));
  ctx.push(ctx.onDidChangeState(() => {
    snapshot.invalidate();
    for (const t of trees) t.onEngineState();
  }));
  ctx.push(vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('layerscope.images')) void images.reload();
  }));
  const explorer: Explorer = { images, snapshot, refreshAll };
  explorers.set(ctx, explorer);
  return explorer;
}
