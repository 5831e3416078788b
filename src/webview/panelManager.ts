// One layers panel per image ID: asking again reveals the open panel instead of opening a second.
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import type { EngineEvent } from '../model/types';
import type { ContainerOverlay } from './containerOverlay';
import { LayersPanel } from './layersPanel';
import { LocalLayers } from './localLayers';

export class LayersPanelManager implements vscode.Disposable {
  private readonly panels = new Map<string, LayersPanel>();
  private readonly layers = new LocalLayers();
  private readonly opened = new vscode.EventEmitter<LayersPanel>();
  /** Fires when a new panel opens (the Dockerfile links give it their instructions). */
  readonly onDidOpen = this.opened.event;

  constructor(private readonly ctx: Ctx) {
    ctx.push(
      this,
      ctx.onDidChangeEngine(() => {
        this.layers.clear();
        this.reloadAll();
      }),
      ctx.onDidRequestRefresh(() => this.reloadAll()),
      ctx.onDidEngineEvent((e) => this.onEngineEvent(e)),
      // Engine gone: say so rather than show what may no longer be true; back: read everything again.
      ctx.onDidChangeState((state) => {
        for (const panel of this.panels.values()) {
          if (state === 'unreachable') panel.engineLost(ctx.error);
          else if (state === 'ready') void panel.reload();
        }
      }),
    );
  }

  /**
   * Opens (or reveals) the panel of an image given by ID or reference.
   * `tag`: the reference to title the panel with (the row a person clicked); default: `ref` or the first tag.
   */
  async show(ref: string, tag?: string, overlay?: ContainerOverlay): Promise<LayersPanel> {
    const inspect = await this.ctx.engine.inspectImage(ref);
    const id = String(inspect.Id);
    // A container's comparison is a panel of its own, beside the image's.
    const key = overlay ? `${id}+${overlay.containerId}` : id;
    const open = this.panels.get(key);
    if (open) {
      open.reveal();
      return open;
    }
    this.layers.remember(id, inspect);
    const tags = Array.isArray(inspect.RepoTags) ? inspect.RepoTags.map(String) : [];
    const label = tag ?? (ref.startsWith('sha256:') || /^[0-9a-f]{12,64}$/.test(ref) ? tags[0] ?? '' : ref);
    const panel = new LayersPanel(this.ctx, id, label, this.layers, overlay);
    this.panels.set(key, panel);
    panel.onDidDispose(() => { if (this.panels.get(key) === panel) this.panels.delete(key); });
    this.opened.fire(panel);
    return panel;
  }

  /** Test hook and `analyzeImage`: the open panel of an image ID. */
  get(id: string): LayersPanel | undefined {
    return this.panels.get(id);
  }

  get open(): LayersPanel[] {
    return [...this.panels.values()];
  }

  /** Fed by the engine's event stream. */
  onEngineEvent(event: EngineEvent): void {
    for (const panel of this.panels.values()) panel.onEngineEvent(event);
  }

  private reloadAll(): void {
    for (const panel of this.panels.values()) void panel.reload();
  }

  dispose(): void {
    this.opened.dispose();
    for (const panel of [...this.panels.values()]) panel.dispose();
    this.panels.clear();
  }
}
