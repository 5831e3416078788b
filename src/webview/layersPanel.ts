// One image's layers panel: loads history, inspect and the local layer map, posts typed messages to
// the webview, runs the deep analysis on demand and says so when the image disappears.
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { EngineError } from '../docker/engine';
import { analyzeImage, AnalysisError, type ImageAnalysis } from '../analysis';
import { historyRows, imageHeader, sharedLayerFlags, sizeBreakdown, diffIdsFromInspect } from '../model/history';
import { errorText } from '../model/errorText';
import { formatBytes } from '../model/format';
import { shortId } from '../model/tree';
import type { EngineEvent } from '../model/types';
import { mediaRoot, panelHtml } from './html';
import { type ContainerOverlay, imageWithContainerLayer, overlayHistoryEntry } from './containerOverlay';
import type { LocalLayers } from './localLayers';
import { analysisSummary, TreeRowsSource } from './treeRows';
import type { HostMessage, ImageState, PanelLinks, WebviewMessage } from './protocol';

export const viewType = 'layerscope.layers';
/** Progress messages to the webview at most this often. */
const progressIntervalMs = 150;
const eventDebounceMs = 300;
const imageActions = new Set(['delete', 'untag', 'tag', 'import', 'load', 'pull']);

export class LayersPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly rendered = new vscode.EventEmitter<string>();
  private readonly posted = new vscode.EventEmitter<HostMessage>();
  /** The last state message ('image', 'gone' or 'error'), re-sent when the webview (re)loads. */
  /** The last state shown (image, error or gone); links, progress and selections come between. Tests read it. */
  lastState: HostMessage | undefined;
  private analysis: ImageAnalysis | undefined;
  /** Answers the webview's file tree queries from the analysis kept here. */
  private treeRows: TreeRowsSource | undefined;
  private emptyLayers: boolean[] | undefined;
  private analysisRun: AbortController | undefined;
  private loadRun: AbortController | undefined;
  private readyResolve!: () => void;
  private disposed = false;
  private eventTimer: NodeJS.Timeout | undefined;
  private selectedLayer: number | undefined;
  /** From the linked Dockerfiles (src/linkedImage/panelLinks.ts). */
  private links: PanelLinks | undefined;

  /** Test hook: resolves once the webview has loaded its script and asked for data. */
  readonly ready = new Promise<void>((resolve) => { this.readyResolve = resolve; });
  /** Test hook: fires with what the webview reports after each render. */
  readonly onDidRender = this.rendered.event;
  /** Test hook: every message posted to the webview. */
  readonly onDidPost = this.posted.event;
  /** Test hook: the last message posted and the last render report. */
  lastPosted: HostMessage | undefined;
  lastRendered = '';
  readonly onDidDispose: vscode.Event<void>;

  constructor(
    private readonly ctx: Ctx,
    readonly imageId: string,
    /** The tag the panel was opened with ('' for an ID): kept as the title while the image has it. */
    private tag: string,
    private readonly layers: LocalLayers,
    /** Compare with Image: a container whose writable layer is shown on top of the image's. */
    readonly overlay?: ContainerOverlay,
    readonly panel: vscode.WebviewPanel = createPanel(ctx, titleOf(tag, imageId, overlay)),
  ) {
    const title = titleOf(tag, imageId, overlay);
    this.onDidDispose = panel.onDidDispose;
    panel.webview.html = panelHtml(panel.webview, ctx.extension.extensionUri, title);
    this.disposables.push(
      this.rendered, this.posted,
      panel.webview.onDidReceiveMessage((m: WebviewMessage) => this.receive(m)),
      panel.onDidDispose(() => this.dispose()),
    );
    void this.reload();
  }

  get analysisResult(): ImageAnalysis | undefined { return this.analysis; }
  get analysing(): boolean { return this.analysisRun !== undefined; }

  reveal(): void {
    this.panel.reveal();
  }

  /** Re-reads everything about the image; a 404 turns the panel into "this image was removed". */
  async reload(): Promise<void> {
    this.loadRun?.abort();
    const run = new AbortController();
    this.loadRun = run;
    try {
      const state = await this.load(run.signal);
      if (run.signal.aborted) return;
      if (!state.header.repoTags.includes(this.tag)) this.tag = state.header.repoTags[0] ?? '';
      this.panel.title = titleOf(this.tag, this.imageId, this.overlay);
      this.setState({ type: 'image', state });
    } catch (err) {
      if (run.signal.aborted || this.disposed) return;
      if (err instanceof EngineError && err.code === 'notFound') {
        this.analysis = undefined;
        this.treeRows = undefined;
        this.analysisRun?.abort();
        this.setState({ type: 'gone', message: `Image ${shortId(this.imageId)} no longer exists on ${this.ctx.engine.info.endpoint}. It was removed or untagged away; the data shown before is gone with it.` });
      } else {
        this.setState({ type: 'error', message: analysisErrorText(err) });
      }
    } finally {
      if (this.loadRun === run) this.loadRun = undefined;
    }
  }

  /** The engine stopped answering: the panel shows why (it reloads when the engine is back). */
  engineLost(reason: string): void {
    this.loadRun?.abort();
    this.analysisRun?.abort();
    this.setState({ type: 'error', message: `${reason || 'The Docker engine is not reachable.'} The panel reloads when the engine is back.` });
  }

  /**
   * An engine event: this image deleted or (un)tagged, or another image coming or going (the shared
   * bytes move). Bursts (a build, a prune) collapse into one reload.
   */
  onEngineEvent(event: EngineEvent): void {
    if (event.type !== 'image' || !imageActions.has(event.action)) return;
    clearTimeout(this.eventTimer);
    this.eventTimer = setTimeout(() => void this.reload(), event.id === this.imageId ? 0 : eventDebounceMs);
  }

  /** Streams the image through the analysis core, with progress in a notification and in the panel. */
  async analyze(): Promise<ImageAnalysis | undefined> {
    if (this.analysisRun) return undefined;
    const run = new AbortController();
    this.analysisRun = run;
    const header = this.lastState?.type === 'image' ? this.lastState.state.header : undefined;
    const totalBytes = header?.size ?? 0;
    const layerCount = this.lastState?.type === 'image' ? this.lastState.state.breakdown.layers.length : 0;
    const name = this.tag || shortId(this.imageId);
    try {
      const analysis = await this.ctx.prompter.progress(`Analyzing ${name}`, async (report, signal) => {
        signal.addEventListener('abort', () => run.abort());
        let lastPost = 0;
        let reported = 0;
        this.post({ type: 'analysisProgress', bytesRead: 0, totalBytes, layersRead: 0, layerCount });
        const stream = this.overlay
          ? await imageWithContainerLayer(this.ctx.engine, this.imageId, this.overlay, run.signal)
          : await this.ctx.engine.saveImages([this.imageId], run.signal);
        return analyzeImage(stream, {
          image: this.imageId,
          signal: run.signal,
          onProgress: (p) => {
            const percent = totalBytes > 0 ? Math.min(99, (p.bytesRead / totalBytes) * 100) : 0;
            if (percent > reported) {
              report(`${formatBytes(p.bytesRead)} read`, percent - reported);
              reported = percent;
            }
            const now = Date.now();
            if (now - lastPost < progressIntervalMs) return;
            lastPost = now;
            this.post({ type: 'analysisProgress', bytesRead: p.bytesRead, totalBytes, layersRead: p.layersRead, layerCount });
          },
        });
      });
      if (this.disposed) return undefined;
      this.analysis = analysis;
      this.treeRows = new TreeRowsSource(analysis);
      this.emptyLayers = analysis.history.map((h) => h.emptyLayer);
      this.post({ type: 'analysisDone', analysis: analysisSummary(analysis) });
      // The tree's first view is built while the webview renders the result (its query then finds it).
      const treeRows = this.treeRows;
      setImmediate(() => {
        if (this.treeRows === treeRows && !this.disposed) treeRows.prepare();
      });
      // The config's history says exactly which steps carry layers: redo the rows with it.
      await this.reload();
      return analysis;
    } catch (err) {
      const cancelled = run.signal.aborted;
      if (!this.disposed) {
        this.post({ type: 'analysisFailed', cancelled, message: cancelled ? 'Analysis cancelled.' : analysisErrorText(err) });
      }
      if (!cancelled) throw err;
      return undefined;
    } finally {
      this.analysisRun = undefined;
    }
  }

  /** Selects one layer (a Dockerfile lens was clicked); kept for a webview that reloads. */
  selectLayer(layer: number): void {
    this.selectedLayer = layer;
    this.post({ type: 'selectLayer', layer });
  }

  /** What the linked Dockerfiles say about this image's steps. */
  setLinks(links: PanelLinks): void {
    this.links = links;
    this.post({ type: 'links', links });
  }

  get panelLinks(): PanelLinks | undefined { return this.links; }

  cancelAnalysis(): void {
    this.analysisRun?.abort();
  }

  private async load(signal: AbortSignal): Promise<ImageState> {
    const engine = this.ctx.engine;
    const [inspect, imageHistory, top] = await Promise.all([
      engine.inspectImage(this.imageId, signal),
      engine.imageHistory(this.imageId, signal),
      this.overlay && overlayHistoryEntry(engine, this.overlay, signal),
    ]);
    this.layers.remember(this.imageId, inspect);
    // With a container on top: one more (newest) step and layer, unique to this container.
    const history = top ? [top, ...imageHistory] : imageHistory;
    const diffIds = top ? [...diffIdsFromInspect(inspect), `container:${this.overlay!.containerId}`] : diffIdsFromInspect(inspect);
    // The split is a nicety: when listing the other images fails, show the history anyway.
    const all = await this.layers.all(engine, signal).catch(() => undefined);
    if (all) all.set(this.imageId, diffIds);
    const rows = historyRows(history, diffIds, this.emptyLayers);
    const flags = all ? sharedLayerFlags(all).get(this.imageId) : undefined;
    return {
      header: imageHeader(inspect),
      rows,
      breakdown: sizeBreakdown(rows, flags),
      otherImages: all ? all.size - 1 : 0,
    };
  }

  private setState(message: HostMessage): void {
    this.lastState = message;
    this.post(message);
  }

  private post(message: HostMessage): void {
    if (this.disposed) return;
    this.lastPosted = message;
    this.posted.fire(message);
    void this.panel.webview.postMessage(message);
  }

  private receive(message: WebviewMessage): void {
    switch (message.type) {
      case 'ready':
        // A (re)loaded webview starts empty: give it the state, then the analysis if there is one.
        if (this.lastState) this.post(this.lastState);
        if (this.analysis) this.post({ type: 'analysisDone', analysis: analysisSummary(this.analysis) });
        if (this.links) this.post({ type: 'links', links: this.links });
        if (this.selectedLayer !== undefined) this.post({ type: 'selectLayer', layer: this.selectedLayer });
        this.readyResolve();
        break;
      case 'treeQuery':
        try {
          if (this.treeRows) this.post({ type: 'treeRows', rows: this.treeRows.answer(message.query) });
        } catch (err) {
          this.ctx.log.error(`Layers panel file tree: ${errorText(err)}`);
        }
        break;
      case 'refresh':
        void this.reload();
        break;
      case 'analyze':
        this.analyze().catch((err) => this.ctx.log.error(`Analysis of ${this.imageId}: ${analysisErrorText(err)}`));
        break;
      case 'cancelAnalysis':
        this.cancelAnalysis();
        break;
      case 'goToInstruction': {
        const at = this.links?.instructions[message.step];
        if (at) void vscode.commands.executeCommand('layerscope.goToInstruction', at);
        break;
      }
      case 'goToLine': {
        const file = this.links?.savings?.file;
        if (file) void vscode.commands.executeCommand('layerscope.goToInstruction', { file, line: message.line });
        break;
      }
      case 'compareWithNewer': {
        const newer = this.links?.newerBuild;
        if (newer) void vscode.commands.executeCommand('layerscope.compareImages', { imageId: this.imageId, compareWith: newer.imageId });
        break;
      }
      case 'scriptError':
        this.ctx.log.error(`Layers panel script: ${message.message}`);
        break;
      case 'rendered':
        this.lastRendered = message.what;
        this.rendered.fire(message.what);
        break;
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.eventTimer);
    this.analysisRun?.abort();
    this.loadRun?.abort();
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

function createPanel(ctx: Ctx, title: string): vscode.WebviewPanel {
  return vscode.window.createWebviewPanel(viewType, title, vscode.ViewColumn.Active, {
    enableScripts: true,
    localResourceRoots: [mediaRoot(ctx.extension.extensionUri)],
    // Not retained when hidden: the host keeps the data and re-sends it on 'ready'; the webview keeps
    // its own view state (toggles, selected layer) with setState.
    retainContextWhenHidden: false,
  });
}

export function titleOf(tag: string, id: string, overlay?: ContainerOverlay): string {
  return `Layers: ${tag || shortId(id)}${overlay ? ` + ${overlay.name}` : ''}`;
}

function analysisErrorText(err: unknown): string {
  if (err instanceof AnalysisError) return `Analysis failed (${err.code}): ${err.message}`;
  return errorText(err);
}
