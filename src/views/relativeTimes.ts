// One timer for every relative time the explorer shows ("Up 3 minutes", "5 minutes ago"): while a
// view is visible it re-words its rows from what is loaded (no re-list) at the moment the nearest
// text can change — every second for young rows, on the minute otherwise — and sleeps when none is.
import type * as vscode from 'vscode';

export interface Retimable {
  readonly view: { readonly visible: boolean; readonly onDidChangeVisibility: vscode.Event<unknown> };
  readonly onDidRebuild: vscode.Event<void>;
  retime(nowMs: number): number | undefined;
}

/** Never sooner than this (a burst of boundaries) nor later than a minute. */
const minDelayMs = 200;
const maxDelayMs = 60_000;
/** Tick just after the boundary, so the new text is already due. */
const slackMs = 20;

export class RelativeTimes implements vscode.Disposable {
  private timer: NodeJS.Timeout | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Test hook: ticks run so far. */
  ticks = 0;

  constructor(private readonly trees: Retimable[]) {
    for (const t of trees) {
      this.subscriptions.push(t.view.onDidChangeVisibility(() => this.replan()), t.onDidRebuild(() => this.replan()));
    }
  }

  /** Rows were (re)loaded or a view was shown or hidden: work out the next tick again. */
  replan(): void {
    if (this.timer) clearTimeout(this.timer);
    this.retimeVisible();
  }

  private tick(): void {
    this.ticks++;
    this.retimeVisible();
  }

  /** Re-words the visible views now and sets the one timer for the soonest next change. */
  private retimeVisible(): void {
    this.timer = undefined;
    const now = Date.now();
    let next: number | undefined;
    for (const t of this.trees) {
      if (!t.view.visible) continue;
      const d = t.retime(now);
      if (d !== undefined) next = next === undefined ? d : Math.min(next, d);
    }
    if (next !== undefined) this.timer = setTimeout(() => this.tick(), Math.min(maxDelayMs, Math.max(minDelayMs, next + slackMs)));
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const s of this.subscriptions.splice(0)) s.dispose();
  }
}
