// Selectors for the parts of the VS Code workbench DOM the Playwright checks read (VS Code 1.100),
// kept in one place so a workbench change is fixed once.
import * as fs from 'fs';
import * as path from 'path';
import { page } from './ui';
import { waitUntil } from './wait';

export const selectors = {
  /** The activity bar entry of a view container, by its title ("Layerscope"). */
  activityBarItem: (title: string) => `.part.activitybar a.action-label[aria-label^="${title}"]`,
  /** A tree view (pane) in the side bar, by its name ("Images"); its header's label also holds the description. */
  sidebarPane: (name: string) => `.part.sidebar .pane:has(.monaco-list[role="tree"][aria-label="${name}"])`,
  /** The tree rows of a side-bar view. */
  paneRows: (name: string) => `${selectors.sidebarPane(name)} .monaco-list-row`,
  /** The TreeView.message text of a side-bar view. */
  paneMessage: (name: string) => `${selectors.sidebarPane(name)} .tree-explorer-viewlet-tree-view > .message`,
  /** The welcome content (viewsWelcome) of a side-bar view. */
  paneWelcome: (name: string) => `${selectors.sidebarPane(name)} .welcome-view-content`,
  /** The side bar's title ("LAYERSCOPE" when our container is open). */
  sidebarTitle: '.part.sidebar .composite.title h2',
  /** Rows of the Problems panel. */
  problemsRows: '.markers-panel .monaco-list-row',
};

/** Clicks the activity bar icon of a view container (unless it is open already) and waits for the side bar. */
export async function openViewContainer(title: string): Promise<void> {
  const titles = await page.texts(selectors.sidebarTitle).catch(() => [] as string[]);
  if (!titles.some((t) => t.toUpperCase() === title.toUpperCase())) await page.click(selectors.activityBarItem(title));
  await waitUntil(`the ${title} side bar`, async () =>
    (await page.texts(selectors.sidebarTitle)).some((t) => t.toUpperCase() === title.toUpperCase()));
}

/** The visible tree rows of a side-bar view, as their text. */
export function paneRowTexts(name: string): Promise<string[]> {
  return page.texts(selectors.paneRows(name));
}

/** Where screenshots go: <repo>/test-results/ (ignored by git). */
export function resultsPath(repo: string, file: string): string {
  const dir = path.join(repo, 'test-results');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, file);
}

/**
 * Copies a screenshot taken under test-results/ to media/screenshots/ (the README's pictures), only
 * when LAYERSCOPE_UPDATE_SCREENSHOTS is set, so an ordinary test run leaves the committed images alone.
 */
export function publishScreenshot(repo: string, file: string, name: string): void {
  if (!process.env.LAYERSCOPE_UPDATE_SCREENSHOTS) return;
  const dir = path.join(repo, 'media', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(file, path.join(dir, name));
}

/** Drags the side bar's edge so it is `width` pixels wide (screenshots read better with room). */
export async function setSidebarWidth(width: number): Promise<void> {
  const box = await page.evaluate<{ right: number; top: number; bottom: number; left: number }>(
    'JSON.parse(JSON.stringify(document.querySelector(".part.sidebar").getBoundingClientRect()))');
  const y = Math.round((box.top + box.bottom) / 2);
  await page.drag([Math.round(box.right), y], [Math.round(box.left + width), y]);
}

/**
 * Collapses (or expands) side-bar panes by clicking their headers, as a person makes room: with six
 * views in the Layerscope container, a pane left open gets too few rows for a screen check.
 */
export async function setPanesExpanded(names: string[], expanded: boolean): Promise<void> {
  for (const name of names) {
    const header = `.part.sidebar .pane-header${expanded ? ':not(.expanded)' : '.expanded'}[aria-label^="${name} "]`;
    if ((await page.texts(header)).length) await page.click(header);
  }
}

/** A row of a side-bar view as the page showed it at one moment. */
export interface PaneRow { text: string; expanded: boolean; loading: boolean; x: number; y: number }

/**
 * The rows of a side-bar view in the order they are drawn (top to bottom), each with its state and
 * the middle of its label, read in one step in the page: row elements are reused and reordered in
 * the DOM while a view redraws, so an index read in one request can name another row in the next.
 */
export async function paneRows(pane: string): Promise<PaneRow[]> {
  return page.evaluate<PaneRow[]>(`(() => {
    const tree = document.querySelector('.part.sidebar .monaco-list[role="tree"][aria-label="${pane}"]');
    if (!tree) return [];
    return [...tree.querySelectorAll('.monaco-list-row')].map((row) => {
      const box = (row.querySelector('.label-name') || row).getBoundingClientRect();
      return {
        text: (row.innerText || '').trim(), expanded: row.getAttribute('aria-expanded') === 'true',
        loading: !!row.querySelector('.codicon-tree-item-loading'),
        x: Math.round(box.left + Math.min(box.width / 2, 20)), y: Math.round(box.top + box.height / 2),
      };
    }).sort((a, b) => a.y - b.y);
  })()`);
}

/** A row's text is its label followed at once by its description. */
const rowStartsWith = (label: string) => (text: string) => text.trim().startsWith(label);

const describeRows = (rows: PaneRow[]) => rows.map((r) => r.text.split('\n')[0] + (r.expanded ? ' [open]' : '') + (r.loading ? ' [loading]' : '')).join(' | ');

/**
 * Expands the row of a side-bar view that starts with `label` until `child` shows, the way a person
 * does: click it (unless it is open), wait for the child, else look again and click again. A row
 * left open without the child (and not loading) is closed and opened once more.
 */
export async function expandPaneRow(pane: string, label: string, child: string): Promise<void> {
  let rows: PaneRow[] = [];
  for (let attempt = 0; attempt < 4; attempt++) {
    const row = await waitUntil(`the row ${label}`, async () => {
      rows = await paneRows(pane);
      return rows.find((r) => rowStartsWith(label)(r.text));
    }, 20_000, 200).catch(() => undefined);
    if (!row) break;
    if (attempt > 0) console.log(`      (${pane}: ${child} not shown under ${label}; clicking again: ${describeRows(rows)})`);
    if (!row.expanded) {
      await page.clickAt([row.x, row.y]);
    } else if (attempt > 0 && !row.loading) {
      await page.clickAt([row.x, row.y]);
      // Apart, or the two clicks make a double-click.
      await new Promise((r) => setTimeout(r, 600));
      await page.clickAt([row.x, row.y]);
    }
    const shown = await waitUntil(`${child} under ${label}`, async () => {
      rows = await paneRows(pane);
      return rows.some((r) => rowStartsWith(child)(r.text));
    }, 5_000, 200).catch(() => false);
    if (shown) return;
  }
  throw new Error(`could not expand ${label} to show ${child} in the ${pane} pane: ${describeRows(rows)}`);
}
