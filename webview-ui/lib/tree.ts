// Pure: the file tree's vocabulary (change filters, sorts), what is expanded, and which window of
// rows to render. The host holds the tree and answers each window (src/webview/treeRows.ts), so a
// tree of 100,000 files never becomes 100,000 DOM nodes. No DOM here: plain mocha tests it.
import type { ChangeKind } from '../../src/analysis/browser';

export type ChangeFilter = ChangeKind | 'unchanged';
export const allChangeFilters: ChangeFilter[] = ['added', 'modified', 'removed', 'unchanged'];
/** What the file tree shows until the person picks: the changes (the host prepares this view ahead). */
export const defaultChangeFilters: ChangeFilter[] = ['added', 'modified', 'removed'];

export type TreeSort = 'name' | 'size';

/** Expansion state that survives filter changes: explicit choices win over the default. */
export class Expansion {
  private readonly opened = new Set<string>();
  private readonly closed = new Set<string>();

  /** Filtered trees open every kept directory; unfiltered ones start with only the top level shown. */
  isExpanded(path: string, filtered: boolean): boolean {
    if (this.opened.has(path)) return true;
    if (this.closed.has(path)) return false;
    return filtered;
  }

  set(path: string, expanded: boolean): void {
    (expanded ? this.opened : this.closed).add(path);
    (expanded ? this.closed : this.opened).delete(path);
  }

  clear(): void {
    this.opened.clear();
    this.closed.clear();
  }

  /** The explicit choices, as sent to the host with each tree query. */
  choices(): { opened: string[]; closed: string[] } {
    return { opened: [...this.opened], closed: [...this.closed] };
  }

  static from(choices: { opened: readonly string[]; closed: readonly string[] }): Expansion {
    const expansion = new Expansion();
    for (const path of choices.opened) expansion.opened.add(path);
    for (const path of choices.closed) expansion.closed.add(path);
    return expansion;
  }
}

/** The window of rows to render for a scroll position, with a few rows of slack on each side. */
export function rowWindow(total: number, scrollTop: number, viewportHeight: number, rowHeight: number, overscan = 10): { start: number; end: number } {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const count = Math.ceil(viewportHeight / rowHeight);
  return { start: Math.max(0, first - overscan), end: Math.min(total, first + count + overscan) };
}
