// The live Stats panel: one webview for every container followed, each fed by its own streaming
// stats request (no polling). Streams run while the panel is visible and stop when it is hidden,
// closed, or the card is removed; they start again when it is shown.
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { containerName } from '../model/containers';
import { StatsHistory } from '../model/stats';
import type { ContainerSummary } from '../model/types';
import { config } from '../config';
import { mediaRoot, webviewHtml } from './html';
import type { StatsCard, StatsHostMessage, StatsWebviewMessage } from './statsProtocol';
import { errorText } from '../model/errorText';

interface Followed {
  id: string;
  name: string;
  image: string;
  history: StatsHistory;
  abort?: AbortController;
  state: StatsCard['state'];
  note?: string;
  frames: number;
}

export class StatsPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly followed = new Map<string, Followed>();
  private readonly frameEmitter = new vscode.EventEmitter<string>();
  /** Fires with a container ID after each frame is drawn (tests wait on it). */
  readonly onDidDrawFrame = this.frameEmitter.event;

  constructor(private readonly ctx: Ctx) {
    // The engine keeps a stats stream open after its container stops (sending nothing new): end it
    // on the container's own event.
    ctx.push(ctx.onDidEngineEvent((e) => {
      const f = e.type === 'container' && (e.action === 'die' || e.action === 'destroy') ? this.followed.get(e.id) : undefined;
      if (!f) return;
      f.abort?.abort();
      f.abort = undefined;
      f.state = 'ended';
      f.note = e.action === 'die' ? 'The container stopped. Start it and show its stats again to follow it.' : 'The container was removed.';
      this.post(f);
    }));
  }

  /** Adds a container to the panel (opening or revealing it) and follows its stats. */
  show(c: ContainerSummary): void {
    const panel = this.ensurePanel();
    if (!this.followed.has(c.id)) {
      this.followed.set(c.id, {
        id: c.id, name: containerName(c), image: c.image, frames: 0, state: 'waiting',
        history: new StatsHistory(config.get<number>('stats.historySeconds', 60) * 1000),
      });
    }
    panel.reveal(undefined, true);
    this.post(this.followed.get(c.id)!);
    if (panel.visible) this.follow(this.followed.get(c.id)!);
  }

  /** Test hooks: what is followed, how many frames arrived, and which streams are open now. */
  get containerIds(): string[] { return [...this.followed.keys()]; }
  frames(id: string): number { return this.followed.get(id)?.frames ?? 0; }
  get openStreams(): number { return [...this.followed.values()].filter((f) => f.abort).length; }
  get visible(): boolean { return this.panel?.visible ?? false; }
  get viewColumn(): vscode.ViewColumn | undefined { return this.panel?.viewColumn; }
  card(id: string): StatsCard | undefined {
    const f = this.followed.get(id);
    return f && this.cardOf(f);
  }

  private ensurePanel(): vscode.WebviewPanel {
    if (this.panel) return this.panel;
    const extensionUri = this.ctx.extension.extensionUri;
    const panel = vscode.window.createWebviewPanel('layerscope.stats', 'Container Stats', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [mediaRoot(extensionUri)] });
    this.panel = panel;
    panel.webview.html = statsHtml(panel.webview, extensionUri);
    panel.webview.onDidReceiveMessage((m: StatsWebviewMessage) => {
      if (m.type === 'ready') for (const f of this.followed.values()) this.post(f);
      if (m.type === 'remove') this.drop(m.id);
    });
    // Hidden: stop every stream; shown again: follow again (the sparkline keeps what it had).
    panel.onDidChangeViewState((e) => {
      for (const f of this.followed.values()) {
        if (e.webviewPanel.visible) this.follow(f);
        else this.pause(f);
      }
    });
    panel.onDidDispose(() => {
      for (const f of this.followed.values()) f.abort?.abort();
      this.followed.clear();
      this.panel = undefined;
    });
    return panel;
  }

  private follow(f: Followed): void {
    if (f.abort || f.state === 'ended') return;
    const abort = new AbortController();
    f.abort = abort;
    f.state = 'waiting';
    f.note = undefined;
    this.post(f);
    this.ctx.engine.streamStats(f.id, (frame) => {
      f.history.push(frame);
      f.frames++;
      f.state = 'live';
      this.post(f);
      this.frameEmitter.fire(f.id);
    }, abort.signal).then(() => {
      if (abort.signal.aborted) return;
      f.state = 'ended';
      f.note = 'The engine ended the stats stream.';
    }, (err) => {
      if (abort.signal.aborted) return;
      f.state = 'ended';
      f.note = errorText(err);
    }).finally(() => {
      if (f.abort === abort) f.abort = undefined;
      if (this.followed.get(f.id) === f) this.post(f);
    });
  }

  private pause(f: Followed): void {
    if (!f.abort) return;
    f.abort.abort();
    f.abort = undefined;
    if (f.state !== 'ended') {
      f.state = 'paused';
      f.note = 'Paused while the panel is hidden.';
    }
  }

  private drop(id: string): void {
    const f = this.followed.get(id);
    f?.abort?.abort();
    this.followed.delete(id);
    this.send({ type: 'drop', id });
  }

  private cardOf(f: Followed): StatsCard {
    return { id: f.id, name: f.name, image: f.image, state: f.state, note: f.note, view: f.history.view() };
  }

  private post(f: Followed): void {
    this.send({ type: 'card', card: this.cardOf(f) });
  }

  private send(m: StatsHostMessage): void {
    void this.panel?.webview.postMessage(m);
  }

  dispose(): void {
    this.panel?.dispose();
    this.frameEmitter.dispose();
  }
}

const statsStyle = `
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 8px; }
.muted, .note, .image { color: var(--vscode-descriptionForeground); }
.card { border: 1px solid var(--vscode-panel-border); border-radius: 4px; padding: 6px 10px; margin: 0 0 10px; }
.card[data-state="ended"] { opacity: 0.7; }
.head { display: flex; gap: 8px; align-items: baseline; }
.head .close { margin-left: auto; background: none; border: none; color: inherit; cursor: pointer; font-size: 1.1em; }
.note:empty { display: none; }
.row { display: grid; grid-template-columns: 7em 1fr 8em; gap: 8px; align-items: center; padding: 2px 0; }
.value { font-variant-numeric: tabular-nums; }
.spark { width: 8em; height: 1.4em; }
.spark-cpu polyline { stroke: var(--vscode-charts-blue); stroke-width: 1.2; }
.spark-memory polyline { stroke: var(--vscode-charts-purple); stroke-width: 1.2; }
`;

function statsHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  return webviewHtml(webview, extensionUri, { title: 'Container Stats', script: 'stats.js', style: statsStyle, ariaLive: 'off' });
}
