// One object that owns every disposable and the current engine connection. Views, commands
// and the webview receive it instead of reaching for module-level singletons.
import * as vscode from 'vscode';
import type { Engine } from './docker/engine';
import type { EngineEvent } from './model/types';
import type { LinkedImageGlue } from './linkedImage';
import type { LayersPanelManager } from './webview/panelManager';
import { log } from './log';

export type EngineState = 'connecting' | 'ready' | 'unreachable';

export class Ctx implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly engineChanged = new vscode.EventEmitter<Engine>();
  private readonly stateChanged = new vscode.EventEmitter<EngineState>();
  private currentState: EngineState = 'connecting';
  private currentError = '';

  /** Fires when the engine is replaced (host setting, Switch Engine…). */
  readonly onDidChangeEngine = this.engineChanged.event;
  /** Fires when the engine becomes reachable or unreachable. */
  readonly onDidChangeState = this.stateChanged.event;
  private readonly refreshRequested = new vscode.EventEmitter<void>();
  /** Fires when a person asks for a full refresh (the Refresh command) or the event stream resyncs. */
  readonly onDidRequestRefresh = this.refreshRequested.event;

  private readonly engineEvent = new vscode.EventEmitter<EngineEvent>();
  /** Each event of the engine's event stream, so views can update one item instead of re-listing. */
  readonly onDidEngineEvent = this.engineEvent.event;

  /** Dockerfile ↔ image links, their lenses and measured findings, once loaded (linkedImage/onDemand.ts). */
  linkedImage?: Promise<LinkedImageGlue>;

  /**
   * Called once with the Layers panel manager when its code first loads (it loads on first use), so
   * areas that decorate panels need not load it at activation.
   */
  readonly whenLayersPanelsLoad: ((manager: LayersPanelManager) => void)[] = [];

  constructor(readonly extension: vscode.ExtensionContext, private currentEngine: Engine) {
    this.push(this.engineChanged, this.stateChanged, this.refreshRequested, this.engineEvent);
  }

  /** Called by the engine watcher (engineGlue.ts) for every event. */
  fireEngineEvent(event: EngineEvent): void {
    this.engineEvent.fire(event);
  }

  get engine(): Engine { return this.currentEngine; }
  get state(): EngineState { return this.currentState; }
  /** The actionable message of the last failure, '' when ready. */
  get error(): string { return this.currentError; }
  get log(): vscode.LogOutputChannel { return log(); }

  setEngine(engine: Engine): void {
    this.currentEngine = engine;
    this.engineChanged.fire(engine);
  }

  setState(state: EngineState, error = ''): void {
    if (state === this.currentState && error === this.currentError) return;
    this.currentState = state;
    this.currentError = error;
    void vscode.commands.executeCommand('setContext', 'layerscope.engineState', state);
    if (error) this.log.warn(error);
    this.stateChanged.fire(state);
  }

  refreshAll(): void {
    this.refreshRequested.fire();
  }

  push(...items: vscode.Disposable[]): void {
    this.disposables.push(...items);
  }

  dispose(): void {
    for (const d of this.disposables.splice(0).reverse()) d.dispose();
  }
}
