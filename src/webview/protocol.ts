// The typed messages between the layers panel (extension host) and its webview (webview-ui/).
// Both sides import this file; everything here is plain JSON so it survives postMessage unchanged.
import type { EntryKind, ChangeKind, ImageAnalysis, LayerAnalysis } from '../analysis/browser';
import type { ChangeFilter, TreeSort } from '../../webview-ui/lib/tree';
import type { HistoryRow, ImageHeader, SizeBreakdown } from '../model/history';

export type { HistoryRow, ImageHeader, SizeBreakdown };

export interface ImageState {
  header: ImageHeader;
  /** History, oldest first. */
  rows: HistoryRow[];
  breakdown: SizeBreakdown;
  /** How many other local images the shared/unique split was computed against. */
  otherImages: number;
}

export type HostMessage =
  | { type: 'image'; state: ImageState }
  /** The image no longer exists (removed or untagged away, or the engine changed): stale data is hidden. */
  | { type: 'gone'; message: string }
  /** Loading failed for another reason (engine unreachable, …); the panel keeps a Retry. */
  | { type: 'error'; message: string }
  | { type: 'analysisProgress'; bytesRead: number; totalBytes: number; layersRead: number; layerCount: number }
  /** The result without its per-file change lists: the file tree asks for its rows (treeQuery). */
  | { type: 'analysisDone'; analysis: AnalysisSummary }
  /** The answer to a treeQuery: a window of the tree's visible rows. */
  | { type: 'treeRows'; rows: TreeRows }
  | { type: 'analysisFailed'; message: string; cancelled: boolean }
  /** Select (and scroll to) one layer: a Dockerfile lens was clicked. */
  | { type: 'selectLayer'; layer: number }
  /** Dockerfiles linked to this image: history steps that have an instruction there, and a newer build of the tag. */
  | { type: 'links'; links: PanelLinks };

/** What the panel knows from the Dockerfiles linked to its image. */
export interface PanelLinks {
  /** History step index → where its instruction is (`Dockerfile:12`). */
  instructions: Record<number, { file: string; line: number }>;
  /** The tag this image was linked under moved to a newer build. */
  newerBuild?: { tag: string; imageId: string };
  /** The "Shrink this image" report (after an analysis); lines are 0-based lines of `file`. */
  savings?: { file?: string; total: number; items: { bytes: number; lines: number[]; what: string; action: string }[] };
}

/**
 * What the webview gets of an analysis: everything but the change lists (a million-file result is
 * ~90 MB of them), and at most `tableLimit` inefficiencies (with their total count).
 */
export interface AnalysisSummary extends Omit<ImageAnalysis, 'layers'> {
  layers: Omit<LayerAnalysis, 'changes'>[];
  inefficiencyCount: number;
}

/** A window of the file tree's visible rows: the host keeps the tree, the webview shows the window. */
export interface TreeQuery {
  /** Increases with every query; answers to older view settings are dropped. */
  seq: number;
  layer: number;
  /** Base layer of the comparison (-1: everything is added). */
  base: number;
  text: string;
  kinds: ChangeFilter[];
  sort: TreeSort;
  /** The person's explicit expand/collapse choices (paths). */
  opened: string[];
  closed: string[];
  /** Rows [start, end) of the visible rows. */
  start: number;
  end: number;
}

export interface TreeRow {
  name: string;
  path: string;
  kind: EntryKind;
  size: number;
  change?: ChangeKind;
  linkTarget?: string;
  depth: number;
  expandable: boolean;
  expanded: boolean;
  /** Index of the parent directory's row, -1 at the top level. */
  parent: number;
}

export interface TreeRows {
  seq: number;
  /** Number of visible rows (the scroll height). */
  total: number;
  /** Nodes per change kind in the whole tree of this layer/base (the filter checkboxes). */
  counts: Record<ChangeFilter, number>;
  start: number;
  rows: TreeRow[];
}

export type WebviewMessage =
  /** A window of the file tree's rows (answered with 'treeRows'). */
  | { type: 'treeQuery'; query: TreeQuery }
  | { type: 'ready' }
  | { type: 'refresh' }
  | { type: 'analyze' }
  | { type: 'cancelAnalysis' }
  | { type: 'goToInstruction'; step: number }
  /** A line of the linked Dockerfile (from the savings report). */
  | { type: 'goToLine'; line: number }
  | { type: 'compareWithNewer' }
  /** Sent after each render: what the person sees, for the integration tests. */
  | { type: 'rendered'; what: string }
  /** An uncaught error in the webview's script, for the log. */
  | { type: 'scriptError'; message: string };
