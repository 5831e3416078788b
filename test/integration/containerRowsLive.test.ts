// Expanded rows stay as the person left them while OTHER containers come and go: in a real VS Code
// against the real test daemon, a container's Files and a folder in it (Containers view), or a
// volume's users (Volumes view), are expanded by clicks, then another container is created, started,
// stopped and removed through the engine. A recorder in the page watches the pane through all of it
// (every DOM change): the expanded rows must stay expanded, their children shown and in place, and
// a container's files are never read from the engine again; the Volumes view redraws nothing.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { LayerscopeApi } from '../../src/extension';
import { createContainer, docker, explorerSetup, removeQuietly } from './explorerSupport';
import { page, uiAvailable } from './support/ui';
import { waitUntil } from './support/wait';
import { expandPaneRow, openViewContainer, paneRows, setPanesExpanded } from './support/workbench';

const prefix = `lsr-${process.pid}`;

/** What the page recorder saw: states that broke the expectation, and how often a watched row left the DOM. */
interface Recorded {
  batches: number;
  broken: string[];
  /** Row elements of the watched rows taken out of the tree (a click on one lands on nothing). */
  removed: number;
}

/**
 * Installs a MutationObserver on the Containers tree that checks, after every change, that the rows
 * starting with `expanded` are there with aria-expanded="true" and a row starting with `shown` is there,
 * and counts the row elements starting with `redrawn` that are taken out of the tree.
 */
function recorderScript(pane: string, expanded: string[], shown: string, redrawn: string[]): string {
  return `(() => {
    const tree = document.querySelector('.part.sidebar .monaco-list[role="tree"][aria-label="${pane}"]');
    if (!tree) return false;
    const expanded = ${JSON.stringify(expanded)};
    const shown = ${JSON.stringify(shown)};
    const rec = { batches: 0, broken: [], removed: 0 };
    const rowText = (row) => (row.innerText || '').split('\\n')[0].trim();
    const redrawn = ${JSON.stringify(redrawn)};
    const watched = (row) => !!row && redrawn.some((label) => rowText(row).startsWith(label));
    const check = () => {
      const rows = [...tree.querySelectorAll('.monaco-list-row')];
      const state = rows.map((r) => rowText(r) + (r.getAttribute('aria-expanded') === 'true' ? ' [open]' : '')
        + (r.querySelector('.codicon-tree-item-loading') ? ' [loading]' : ''));
      const ok = expanded.every((label) => rows.some((r) => rowText(r).startsWith(label) && r.getAttribute('aria-expanded') === 'true'
          && !r.querySelector('.codicon-tree-item-loading')))
        && rows.some((r) => rowText(r).startsWith(shown));
      if (!ok && rec.broken.length < 20) rec.broken.push(state.join(' | '));
    };
    const observer = new MutationObserver((mutations) => {
      rec.batches++;
      for (const m of mutations) {
        for (const gone of m.removedNodes) {
          if (gone.nodeType === 1 && gone.classList.contains('monaco-list-row') && watched(gone)) rec.removed++;
        }
      }
      check();
    });
    observer.observe(tree, { subtree: true, childList: true, attributes: true, characterData: true });
    window.__layerscopeRowRecorder = { rec, observer };
    check();
    return true;
  })()`;
}

const stopRecorder = `(() => {
  const r = window.__layerscopeRowRecorder;
  if (!r) return undefined;
  r.observer.disconnect();
  delete window.__layerscopeRowRecorder;
  return r.rec;
})()`;

/** The rows a view fires changes for, as text ('(root)' for the whole tree). */
function firedRows(e: unknown): string {
  return e === undefined ? '(root)' : [e].flat().map((n) => (n as { item: { id: string } }).item.id).join(',');
}

describe('container rows stay open while other containers come and go', function () {
  this.timeout(180_000);
  let api: LayerscopeApi;
  const ids: string[] = [];
  const volume = `${prefix}-vol`;
  const panes = ['Images', 'Dangling', 'Containers', 'Disk Usage', 'Volumes', 'Networks'];

  explorerSetup(async (found) => {
    api = found.api;
  });

  after(async () => {
    await page.evaluate(stopRecorder).catch(() => undefined);
    await setPanesExpanded(panes, true).catch(() => undefined);
    await removeQuietly('container', ...ids);
    await removeQuietly('volume', volume);
  });

  /** Only `pane` open in the Layerscope side bar (six views leave each too few rows). */
  async function showOnly(pane: string, viewId: string): Promise<void> {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await openViewContainer('Layerscope');
    await setPanesExpanded(panes.filter((p) => p !== pane), false);
    // Opened by its focus command, not a click on its header: the pointer left on a header shows the
    // header's hover (the engine's address) over the first rows, and that hover takes the next click.
    await vscode.commands.executeCommand(`${viewId}.focus`);
  }

  /**
   * Watches `pane` (see recorderScript) while another container is created, started, stopped and
   * removed, each step applied by the Containers view; returns what the recorder saw.
   */
  async function watchOtherContainer(pane: string, expanded: string[], shown: string, placed: string[]): Promise<Recorded> {
    // Let the expansions settle, then watch from a moment they are all drawn: open, not loading, the
    // child shown (a container started a moment ago may still redraw what was just expanded).
    await new Promise((r) => setTimeout(r, 1500));
    await waitUntil(`the ${pane} rows expanded and drawn`, async () => {
      const rows = await paneRows(pane);
      return expanded.every((label) => rows.some((r) => r.text.startsWith(label) && r.expanded && !r.loading))
        && rows.some((r) => r.text.startsWith(shown));
    }, 20_000, 200);
    assert.strictEqual(await page.evaluate<boolean>(recorderScript(pane, expanded, shown, placed)), true, `the recorder found the ${pane} tree`);
    const containers = api.views.containers;
    const step = async (what: string, run: () => Promise<unknown>) => {
      const applied = containers.nextUpdate();
      await run();
      await waitUntil(`the view to apply "${what}"`, () => applied, 10_000);
      await new Promise((r) => setTimeout(r, 1000));
    };
    const name = `${prefix}-other-${ids.length}`;
    let other = '';
    await step('create', async () => { other = await createContainer(name, 'layerscope-fixture/multi:1', 'sleep 300'); ids.push(other); });
    await step('start', () => docker(['start', other]));
    await step('stop', () => docker(['stop', '-t', '0', other]));
    await step('remove', () => docker(['rm', '-f', other]));
    assert.strictEqual(containers.nodeOf(other), undefined, 'the other container left the view');
    const rec = await page.evaluate<Recorded | undefined>(stopRecorder);
    assert.ok(rec, 'the recorder ran');
    return rec;
  }

  it('keeps a container\'s expanded Files and folder open, unread again, through another container\'s create, start, stop and remove', async () => {
    if (!uiAvailable()) throw new Error('the screen check needs the code-server launcher (node test/rig/run-integration.mjs)');
    const containers = api.views.containers;
    const watchedName = `${prefix}-watched`;
    const id = await createContainer(watchedName, 'layerscope-fixture/multi:1', 'trap "exit 0" TERM; while true; do sleep 1; done');
    ids.push(id);
    await docker(['start', id]);
    await showOnly('Containers', 'layerscope.containers');
    await waitUntil('the watched container running in the view', () => /Up /.test(containers.nodeOf(id)?.item.description ?? ''), 20_000, 100);
    await expandPaneRow('Containers', watchedName, 'Files');
    await expandPaneRow('Containers', 'Files', 'app');
    await expandPaneRow('Containers', 'app', 'hello.txt');

    const reads = containers.containerChildren.engineReads;
    const fired: string[] = [];
    const listening = containers.onDidChangeTreeData((e) => fired.push(firedRows(e)));
    const rec = await watchOtherContainer('Containers', [watchedName, 'Files', 'app'], 'hello.txt', ['Files', 'app', 'hello.txt']).finally(() => listening.dispose());
    console.log(`      recorder: ${rec.batches} DOM change batches, ${rec.removed} watched rows taken out; ${fired.length} view changes fired: ${fired.join(' ; ')}`);
    assert.deepStrictEqual(rec.broken, [], 'the watched rows stayed expanded with their children shown');
    assert.strictEqual(containers.containerChildren.engineReads - reads, 0, 'the expanded rows were not read from the engine again');
    assert.strictEqual(rec.removed, 0, 'the watched rows stayed in place (none taken out and put back)');
  });

  it('keeps a volume\'s expanded users open, and redraws nothing, while a container that does not use it comes and goes', async () => {
    if (!uiAvailable()) throw new Error('the screen check needs the code-server launcher (node test/rig/run-integration.mjs)');
    const volumes = api.views.volumes;
    const userName = `${prefix}-volume-user`;
    await docker(['volume', 'create', volume]);
    ids.push(await docker(['create', '--network', 'none', '--name', userName, '-v', `${volume}:/data`, 'layerscope-fixture/multi:1', 'true']));
    await showOnly('Volumes', 'layerscope.volumes');
    await waitUntil('the volume and its user in the view', async () => {
      const row = (await volumes.rootNodes()).find((n) => n.item.label === volume);
      return row?.children?.some((c) => c.item.label === userName);
    }, 20_000, 200);
    await expandPaneRow('Volumes', volume, userName);

    const fired: string[] = [];
    const listening = volumes.onDidChangeTreeData((e) => fired.push(firedRows(e)));
    const loads = volumes.loadCount;
    const rec = await watchOtherContainer('Volumes', [volume], userName, [volume, userName]).finally(() => listening.dispose());
    console.log(`      recorder: ${rec.batches} DOM change batches, ${rec.removed} watched rows taken out; ${volumes.loadCount - loads} re-reads; view changes fired: ${fired.join(' ; ')}`);
    assert.ok(volumes.loadCount > loads, 'the view re-read what it shows after the container events');
    assert.deepStrictEqual(fired, [], 'nothing it shows changed: no redraw');
    assert.deepStrictEqual(rec.broken, [], 'the volume stayed expanded with its user shown');
    assert.strictEqual(rec.removed, 0, 'the rows stayed in place');
  });
});
