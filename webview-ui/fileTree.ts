// A virtualised file tree: only the rows in view (plus some slack) exist in the DOM, whatever the
// tree's size. The host keeps the tree: this asks it for the window of rows in view (treeQuery) and
// shows what it has. Keyboard: ↑/↓ move, → opens or enters, ← closes or goes up, Enter/Space toggles, Home/End.
import { formatBytes } from '../src/model/format';
import type { TreeQuery, TreeRow, TreeRows } from '../src/webview/protocol';
import { el } from './dom';
import { Expansion, rowWindow } from './lib/tree';

const rowHeight = 22;
const maxHeight = 440;
const markers: Record<string, string> = { added: 'A', modified: 'M', removed: 'D' };
const markerTitles: Record<string, string> = { added: 'Added', modified: 'Modified', removed: 'Removed' };

/** What the tree shows: the query without its window and sequence number. */
export type TreeView = Omit<TreeQuery, 'seq' | 'start' | 'end' | 'opened' | 'closed'>;

export class FileTree {
  readonly element: HTMLElement;
  private readonly spacer: HTMLElement;
  private readonly expansion = new Expansion();
  /** Rows received for the current view, by index. */
  private rows = new Map<number, TreeRow>();
  /** Number of visible rows; undefined until the host answered for this tree. */
  private total: number | undefined;
  private active = 0;
  private view: TreeView | undefined;
  private frame = 0;
  private seq = 0;
  /** Answers to queries before this one describe an older view: dropped. */
  private viewSeq = 1;
  /** The rows held were answered for an older view (shown until the new ones arrive). */
  private stale = false;
  private inFlight: { seq: number; start: number; end: number } | undefined;

  constructor(
    private readonly query: (query: TreeQuery) => void,
    /** An answer arrived (the total and the counts may have changed). */
    private readonly answered: (rows: TreeRows) => void,
  ) {
    this.spacer = el('div', { class: 'tree-spacer' });
    this.element = el('div', {
      class: 'tree', role: 'tree', tabIndex: 0, id: 'file-tree', attrs: { 'aria-label': 'Files' },
      on: { scroll: () => this.schedule(), keydown: (e) => this.onKey(e) },
    }, this.spacer);
  }

  /** New layer, filter or sort: ask for the rows again; keep expansion choices unless told. */
  show(view: TreeView, resetExpansion: boolean): void {
    if (resetExpansion) this.expansion.clear();
    const same = this.view && JSON.stringify(this.view) === JSON.stringify(view);
    this.view = view;
    if (!same) this.invalidate();
    else this.paint();
  }

  /** Visible rows of the current view; undefined while the host has not answered. */
  get rowCount(): number | undefined {
    return this.total;
  }

  /** The host's answer to one of our queries. */
  receive(answer: TreeRows): void {
    if (this.inFlight?.seq === answer.seq) this.inFlight = undefined;
    if (answer.seq < this.viewSeq) { this.paint(); return; }
    if (this.stale) { this.rows.clear(); this.stale = false; }
    if (this.total !== answer.total) {
      this.total = answer.total;
      this.active = Math.min(this.active, Math.max(0, answer.total - 1));
      this.spacer.style.height = `${answer.total * rowHeight}px`;
      // Short lists get a short box; long ones scroll inside at most maxHeight.
      this.element.style.height = `${Math.min(maxHeight, Math.max(1, answer.total) * rowHeight + 2)}px`;
    }
    answer.rows.forEach((row, i) => this.rows.set(answer.start + i, row));
    this.paint();
    this.answered(answer);
  }

  private invalidate(): void {
    this.viewSeq = this.seq + 1;
    this.stale = true;
    this.inFlight = undefined;
    this.paint();
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.paint();
    });
  }

  /** Renders the window of rows in view (those received), and asks for the ones missing. */
  private paint(): void {
    const viewport = this.element.clientHeight || 400;
    const total = this.total ?? 0;
    const { start, end } = rowWindow(total, this.element.scrollTop, viewport, rowHeight);
    const nodes: HTMLElement[] = [];
    let missing = this.stale || this.total === undefined;
    for (let i = start; i < end; i++) {
      const row = this.rows.get(i);
      if (row) nodes.push(this.rowElement(row, i));
      else missing = true;
    }
    this.spacer.replaceChildren(...nodes);
    if (this.total === 0 && !this.stale) this.spacer.append(el('div', { class: 'muted tree-empty' }, 'No files match.'));
    if (total) this.element.setAttribute('aria-activedescendant', `tree-row-${this.active}`);
    else this.element.removeAttribute('aria-activedescendant');
    if (missing) this.request(start, end, viewport);
  }

  /** One query at a time: a scroll during it asks again once it is answered (paint → request). */
  private request(start: number, end: number, viewport: number): void {
    if (!this.view || this.inFlight) return;
    // Before the total is known: the first screenful (and its slack).
    const rows = Math.ceil(viewport / rowHeight) + 20;
    const from = this.total === undefined || this.stale ? Math.max(0, start) : start;
    const to = this.total === undefined || this.stale ? Math.max(end, from + rows) : end;
    const seq = ++this.seq;
    this.inFlight = { seq, start: from, end: to };
    this.query({ ...this.view, ...this.expansion.choices(), seq, start: from, end: to });
  }

  private rowElement(node: TreeRow, index: number): HTMLElement {
    const row = node;
    const change = node.change ?? '';
    const name = node.linkTarget !== undefined ? `${node.name} → ${node.linkTarget}` : node.name;
    return el('div', {
      class: `tree-row ${change} ${index === this.active ? 'active' : ''}`,
      role: 'treeitem', id: `tree-row-${index}`,
      style: { top: `${index * rowHeight}px`, paddingLeft: `${6 + row.depth * 14}px` },
      title: node.path,
      attrs: {
        'aria-level': row.depth + 1,
        ...(row.expandable ? { 'aria-expanded': row.expanded } : {}),
        'data-path': node.path,
      },
      on: {
        click: () => {
          this.active = index;
          if (row.expandable) this.toggle(index);
          else this.paint();
        },
      },
    },
    el('span', { class: 'twisty' }, row.expandable ? (row.expanded ? '▾' : '▸') : ''),
    el('span', { class: `marker ${change}`, title: markerTitles[change] ?? 'Unchanged' }, markers[change] ?? ''),
    el('span', { class: `name ${node.kind}` }, node.kind === 'dir' ? `${name}/` : name),
    el('span', { class: 'size' }, sizeText(node)));
  }

  private toggle(index: number, expanded?: boolean): void {
    const row = this.rows.get(index);
    if (!row?.expandable) return;
    this.expansion.set(row.path, expanded ?? !row.expanded);
    this.invalidate();
  }

  private onKey(e: KeyboardEvent): void {
    const row = this.rows.get(this.active);
    const count = this.total ?? 0;
    if (!row) return;
    let next = this.active;
    switch (e.key) {
      case 'ArrowDown': next = Math.min(count - 1, this.active + 1); break;
      case 'ArrowUp': next = Math.max(0, this.active - 1); break;
      case 'Home': next = 0; break;
      case 'End': next = count - 1; break;
      case 'PageDown': next = Math.min(count - 1, this.active + Math.floor(this.element.clientHeight / rowHeight)); break;
      case 'PageUp': next = Math.max(0, this.active - Math.floor(this.element.clientHeight / rowHeight)); break;
      case 'ArrowRight':
        if (row.expandable && !row.expanded) { this.toggle(this.active, true); e.preventDefault(); return; }
        if (row.expanded) next = this.active + 1;
        break;
      case 'ArrowLeft':
        if (row.expanded) { this.toggle(this.active, false); e.preventDefault(); return; }
        next = Math.max(0, row.parent);
        break;
      case 'Enter': case ' ':
        this.toggle(this.active);
        e.preventDefault();
        return;
      default:
        return;
    }
    e.preventDefault();
    this.active = next;
    this.scrollIntoView(next);
    this.paint();
  }

  private scrollIntoView(index: number): void {
    const top = index * rowHeight;
    const view = this.element;
    if (top < view.scrollTop) view.scrollTop = top;
    else if (top + rowHeight > view.scrollTop + view.clientHeight) view.scrollTop = top + rowHeight - view.clientHeight;
  }
}

/**
 * Files show their bytes, folders the bytes below them; a removed folder's own total means nothing.
 * A hard link stores nothing: it says so, and its target's bytes are counted at the target (unless
 * the target path is gone: the link then carries the bytes).
 */
function sizeText(node: TreeRow): string {
  if (node.kind === 'dir') return node.change === 'removed' ? '' : formatBytes(node.size);
  if (node.kind === 'hardlink') return node.size > 0 ? formatBytes(node.size) : 'hard link';
  return node.kind === 'file' ? formatBytes(node.size) : '';
}
