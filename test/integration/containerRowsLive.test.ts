// A container's expanded rows stay as the person left them while OTHER containers come and go: in a
// real VS Code against the real test daemon, a container's Files and a folder in it are expanded by
// clicks, then another container is created, started, stopped and removed through the engine. A
// recorder in the page watches the Containers pane through all of it (every DOM change), and the
// expanded rows must stay expanded, their children shown, and never be read from the engine again.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { LayerscopeApi } from '../../src/extension';
import { createContainer, docker, explorerSetup, removeQuietly } from './explorerSupport';
import { page, uiAvailable } from './support/ui';
import { waitUntil } from './support/wait';
import { expandPaneRow, openViewContainer, selectors, setPanesExpanded } from './support/workbench';

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
function recorderScript(expanded: string[], shown: string, redrawn: string[]): string {
  return `(() => {
    const tree = document.querySelector('.part.sidebar .monaco-list[role="tree"][aria-label="Containers"]');
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

describe('container rows stay open while other containers come and go', function () {
  this.timeout(180_000);
  let api: LayerscopeApi;
  const watchedName = `${prefix}-watched`;
  const otherName = `${prefix}-other`;
  const ids: string[] = [];
  const others = ['Images', 'Dangling', 'Disk Usage', 'Volumes', 'Networks'];

  explorerSetup(async (found) => {
    api = found.api;
  });

  after(async () => {
    await page.evaluate(stopRecorder).catch(() => undefined);
    await setPanesExpanded(others, true).catch(() => undefined);
    await removeQuietly('container', otherName, ...ids);
  });

  it('keeps a container\'s expanded Files and folder open, unread again, through another container\'s create, start, stop and remove', async () => {
    if (!uiAvailable()) throw new Error('the screen check needs the code-server launcher (node test/rig/run-integration.mjs)');
    const containers = api.views.containers;
    const id = await createContainer(watchedName, 'layerscope-fixture/multi:1', 'trap "exit 0" TERM; while true; do sleep 1; done');
    ids.push(id);
    await docker(['start', id]);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await openViewContainer('Layerscope');
    await setPanesExpanded(others, false);
    await vscode.commands.executeCommand('layerscope.containers.focus');
    await waitUntil('the watched container running in the view', () => /Up /.test(containers.nodeOf(id)?.item.description ?? ''), 20_000, 100);

    await expandPaneRow('Containers', watchedName, 'Files');
    await expandPaneRow('Containers', 'Files', 'app');
    await expandPaneRow('Containers', 'app', 'hello.txt');
    // Let the expansions settle, then watch.
    await new Promise((r) => setTimeout(r, 1500));
    assert.strictEqual(await page.evaluate<boolean>(recorderScript([watchedName, 'Files', 'app'], 'hello.txt', ['Files', 'app', 'hello.txt'])), true, 'the recorder found the Containers tree');
    const reads = containers.containerChildren.engineReads;
    const fired: string[] = [];
    const listening = containers.onDidChangeTreeData((e) => fired.push(e === undefined ? '(root)' : [e].flat().map((n) => n.item.id).join(',')));
    try {
      // Each step waits for the view to have applied that container's event.
      const step = async (what: string, run: () => Promise<unknown>) => {
        const applied = containers.nextUpdate();
        await run();
        await waitUntil(`the view to apply "${what}"`, () => applied, 10_000);
        await new Promise((r) => setTimeout(r, 1000));
      };
      let other = '';
      await step('create', async () => { other = await createContainer(otherName, 'layerscope-fixture/multi:1', 'sleep 300'); });
      await step('start', () => docker(['start', other]));
      await step('stop', () => docker(['stop', '-t', '0', other]));
      await step('remove', () => docker(['rm', '-f', other]));
      assert.strictEqual(containers.nodeOf(other), undefined, 'the other container left the view');
    } finally {
      listening.dispose();
    }
    const rec = await page.evaluate<Recorded | undefined>(stopRecorder);
    assert.ok(rec, 'the recorder ran');
    console.log(`      recorder: ${rec.batches} DOM change batches, ${rec.removed} watched rows taken out; ${fired.length} view changes fired: ${fired.join(' ; ')}`);
    assert.deepStrictEqual(rec.broken, [], 'the watched rows stayed expanded with their children shown');
    assert.strictEqual(containers.containerChildren.engineReads - reads, 0, 'the expanded rows were not read from the engine again');
    assert.strictEqual(rec.removed, 0, 'the watched rows stayed in place (none taken out and put back)');
    // Still open on screen at the end.
    const expandedNow = await page.attributes(selectors.paneRows('Containers'), 'aria-expanded');
    assert.ok(expandedNow.filter((v) => v === 'true').length >= 3, `still expanded: ${expandedNow.join(',')}`);
  });
});
