// One object that owns every disposable, the current engine connection and each area's service.
// Views, commands and the webview receive it instead of reaching for module-level singletons;
// activate() (extension.ts) builds the services and hangs them here, so reading it shows the whole
// extension.
import * as vscode from 'vscode';
import type { Engine } from './docker/engine';
import type { EngineEvent } from './model/types';
import type { LinkedImageGlue } from './linkedImage';
import type { LayersPanelManager } from './webview/panelManager';
import type { InspectDocuments } from './inspect/door';
import type { ExplorerDoor } from './views/door';
import type { LogFollows } from './commands/logFollows';
import type { OnFirstUse } from './onFirstUse';
import type { SwappablePrompter } from './prompt';
import { log } from './log';

export type EngineState = 'connecting' | 'ready' | 'unreachable';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each handler declares the arguments its menus pass
export type CommandHandler = (...args: any[]) => unknown;
/** An area's commands (`src/commands/<area>.ts`): id → a factory that binds the handler to the context. */
export type CommandTable = Record<string, (ctx: Ctx) => CommandHandler>;

/** The services activate() builds, one per area. */
export interface Services {
  /** Where commands ask a person (tests swap in answers with `prompter.use({...})`). */
  prompter: SwappablePrompter;
  /**
   * The explorer's views, their snapshot and live updates, the Stats panel, container files: the
   * views are registered at activation, their code loads with the first rows asked (`get()`).
   */
  explorer: ExplorerDoor;
  /** `layerscope-inspect:` documents. */
  inspect: InspectDocuments;
  /** The Layers panels; their code (and the analyzer's) loads on first use. */
  panels: OnFirstUse<LayersPanelManager>;
  /** Dockerfile ↔ image links, their lenses and measured findings; loads with the first Dockerfile. */
  linkedImage: OnFirstUse<LinkedImageGlue>;
  /** Followed container logs, one output channel per container; loads with the first View Logs. */
  logFollows: OnFirstUse<LogFollows>;
}

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

  private readonly services: Partial<Services> = {};

  constructor(readonly extension: vscode.ExtensionContext, private currentEngine: Engine) {
    this.push(this.engineChanged, this.stateChanged, this.refreshRequested, this.engineEvent);
  }

  /** Called by the engine watcher (engineGlue.ts) for every event. */
  fireEngineEvent(event: EngineEvent): void {
    this.engineEvent.fire(event);
  }

  /** Hangs an area's service on the context (activate() does, once per service). */
  provide<K extends keyof Services>(name: K, service: Services[K]): Services[K] {
    if (this.services[name]) throw new Error(`Layerscope: ${name} is provided twice.`);
    this.services[name] = service;
    return service;
  }

  private service<K extends keyof Services>(name: K): Services[K] {
    const service = this.services[name];
    if (!service) throw new Error(`Layerscope: ${name} is used before activate() built it.`);
    return service;
  }

  get prompter(): SwappablePrompter { return this.service('prompter'); }
  get explorer(): ExplorerDoor { return this.service('explorer'); }
  get inspect(): InspectDocuments { return this.service('inspect'); }
  get panels(): OnFirstUse<LayersPanelManager> { return this.service('panels'); }
  get linkedImage(): OnFirstUse<LinkedImageGlue> { return this.service('linkedImage'); }
  get logFollows(): OnFirstUse<LogFollows> { return this.service('logFollows'); }

  get engine(): Engine { return this.currentEngine; }
  get state(): EngineState { return this.currentState; }
  /** The actionable message of the last failure, '' when ready. */
  get error(): string { return this.currentError; }
  get log(): vscode.LogOutputChannel { return log(); }

  /** The engine whose code was still loading at activation is here: the same engine, so no change event. */
  engineLoaded(engine: Engine): void {
    this.currentEngine = engine;
  }

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
