// A virtualised file tree: only the rows in view (plus some slack) exist in the DOM, whatever the
// tree's size. Keyboard: ↑/↓ move, → opens or enters, ← closes or goes up, Enter/Space toggles, Home/End.
import { formatBytes } from '../src/model/format';
import type { TreeNode } from '../src/analysis/browser';
import { el } from './dom';
import { Expansion, parentRow, rowWindow, visibleRows, type TreeFilter, type TreeSort, type VisibleRow } from './lib/tree';

const rowHeight = 22;
const maxHeight = 440;
const markers: Record<string, string> = { added: 'A', modified: 'M', removed: 'D' };
const markerTitles: Record<string, string> = { added: 'Added', modified: 'Modified', removed: 'Removed' };

export class FileTree {
  readonly element: HTMLElement;
  private readonly spacer: HTMLElement;
  private readonly expansion = new Expansion();
  private rows: VisibleRow[] = [];
  private active = 0;
  private root: TreeNode | undefined;
  private filter: TreeFilter = { text: '', kinds: new Set() };
  private sort: TreeSort = 'name';
  private frame = 0;

  constructor() {
    this.spacer = el('div', { class: 'tree-spacer' });
    this.element = el('div', {
      class: 'tree', role: 'tree', tabIndex: 0, id: 'file-tree', attrs: { 'aria-label': 'Files' },
      on: { scroll: () => this.schedule(), keydown: (e) => this.onKey(e) },
    }, this.spacer);
  }

  /** New tree or new filter/sort: recompute the visible rows, keep expansion choices. */
  show(root: TreeNode, filter: TreeFilter, sort: TreeSort, resetExpansion: boolean): void {
    if (resetExpansion) this.expansion.clear();
    this.root = root;
    this.filter = filter;
    this.sort = sort;
    this.recompute();
  }

  get rowCount(): number {
    return this.rows.length;
  }

  private recompute(): void {
    if (!this.root) return;
    this.rows = visibleRows(this.root, this.filter, this.sort, this.expansion);
    this.active = Math.min(this.active, Math.max(0, this.rows.length - 1));
    this.spacer.style.height = `${this.rows.length * rowHeight}px`;
    // Short lists get a short box; long ones scroll inside at most maxHeight.
    this.element.style.height = `${Math.min(maxHeight, Math.max(1, this.rows.length) * rowHeight + 2)}px`;
    this.paint();
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.paint();
    });
  }

  /** Renders the window of rows in view. */
  private paint(): void {
    const viewport = this.element.clientHeight || 400;
    const { start, end } = rowWindow(this.rows.length, this.element.scrollTop, viewport, rowHeight);
    const nodes: HTMLElement[] = [];
    for (let i = start; i < end; i++) nodes.push(this.rowElement(this.rows[i], i));
    this.spacer.replaceChildren(...nodes);
    if (!this.rows.length) this.spacer.append(el('div', { class: 'muted tree-empty' }, 'No files match.'));
    if (this.rows.length) this.element.setAttribute('aria-activedescendant', `tree-row-${this.active}`);
    else this.element.removeAttribute('aria-activedescendant');
  }

  private rowElement(row: VisibleRow, index: number): HTMLElement {
    const { node } = row;
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
    const row = this.rows[index];
    if (!row?.expandable) return;
    this.expansion.set(row.node.path, expanded ?? !row.expanded);
    this.recompute();
  }

  private onKey(e: KeyboardEvent): void {
    const row = this.rows[this.active];
    if (!row) return;
    let next = this.active;
    switch (e.key) {
      case 'ArrowDown': next = Math.min(this.rows.length - 1, this.active + 1); break;
      case 'ArrowUp': next = Math.max(0, this.active - 1); break;
      case 'Home': next = 0; break;
      case 'End': next = this.rows.length - 1; break;
      case 'PageDown': next = Math.min(this.rows.length - 1, this.active + Math.floor(this.element.clientHeight / rowHeight)); break;
      case 'PageUp': next = Math.max(0, this.active - Math.floor(this.element.clientHeight / rowHeight)); break;
      case 'ArrowRight':
        if (row.expandable && !row.expanded) { this.toggle(this.active, true); e.preventDefault(); return; }
        if (row.expanded) next = this.active + 1;
        break;
      case 'ArrowLeft':
        if (row.expanded) { this.toggle(this.active, false); e.preventDefault(); return; }
        next = Math.max(0, parentRow(this.rows, this.active));
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
function sizeText(node: TreeNode): string {
  if (node.kind === 'dir') return node.change === 'removed' ? '' : formatBytes(node.size);
  if (node.kind === 'hardlink') return node.size > 0 ? formatBytes(node.size) : 'hard link';
  return node.kind === 'file' ? formatBytes(node.size) : '';
}
