// The webview's side of the protocol: typed posting and persisted view state.
import type { WebviewMessage } from '../src/webview/protocol';
import { defaultChangeFilters, type ChangeFilter, type TreeSort } from './lib/tree';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

export function post(message: WebviewMessage): void {
  api.postMessage(message);
}

/** What a person chose in this panel; kept across the webview being hidden and shown again. */
export interface ViewState {
  newestFirst: boolean;
  sortBySize: boolean;
  /** Selected layer for the file tree (index into the analysis' layers); -1 = the top layer. */
  layer: number;
  aggregated: boolean;
  filterText: string;
  kinds: ChangeFilter[];
  treeSort: TreeSort;
}

const defaults: ViewState = {
  newestFirst: true, sortBySize: false, layer: -1, aggregated: false, filterText: '',
  kinds: [...defaultChangeFilters], treeSort: 'name',
};

export function loadViewState(): ViewState {
  const saved = api.getState();
  return { ...defaults, ...(saved && typeof saved === 'object' ? saved as Partial<ViewState> : {}) };
}

export function saveViewState(state: ViewState): void {
  api.setState(state);
}
