// The typed messages between the layers panel (extension host) and its webview (webview-ui/).
// Both sides import this file; everything here is plain JSON so it survives postMessage unchanged.
import type { ImageAnalysis } from '../analysis/browser';
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
  | { type: 'analysisDone'; analysis: ImageAnalysis }
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

export type WebviewMessage =
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
