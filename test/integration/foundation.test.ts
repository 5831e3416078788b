// The foundation in a real VS Code against real test daemons: activation, the command table
// against the manifest, the Images view's provider, the unreachable-engine message and recovery,
// and a screenshot of the side bar.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { LayerscopeApi } from '../../src/extension';
import type { ImageTagRef } from '../../src/model/images';
import type { TreeNode } from '../../src/model/tree';
import { Daemon, holdLock, suiteDaemon } from './support/engine';
import { page } from './support/ui';
import { openViewContainer, paneRowTexts, publishScreenshot, resultsPath, selectors, setSidebarWidth } from './support/workbench';
import { waitUntil } from './support/wait';

const EXTENSION_ID = 'layerscope.layerscope';
const FIXTURE_TAGS = ['layerscope-fixture/base:1', 'layerscope-fixture/multi:1', 'layerscope-fixture/multi:latest'];
const TINY_TAG = 'layerscope-restart/tiny:1';

function flatten(nodes: TreeNode[]): TreeNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children ?? [])]);
}

/** The repo:tag of every image row the provider returns. */
function tagsShown(nodes: TreeNode[]): string[] {
  return flatten(nodes).map((n) => n.ref as ImageTagRef | undefined).filter((r) => r?.kind === 'imageTag').map((r) => r!.ref).sort();
}

describe('foundation', function () {
  let extension: vscode.Extension<LayerscopeApi>;
  let api: LayerscopeApi;
  let repo: string;

  before(async () => {
    const found = vscode.extensions.getExtension<LayerscopeApi>(EXTENSION_ID);
    assert.ok(found, `${EXTENSION_ID} is not loaded in this VS Code`);
    extension = found;
    repo = extension.extensionPath;
    api = await extension.activate();
    await api.explorer(); // the explorer's code loads on first use
  });

  it('activates and returns the test API', () => {
    assert.strictEqual(extension.isActive, true);
    assert.ok(api.ctx, 'the API has the context');
    assert.ok(api.views?.images, 'the API has the Images view');
  });

  it('registers every command of the manifest, and no layerscope command the manifest lacks', async () => {
    const manifest = extension.packageJSON.contributes;
    const declared: string[] = manifest.commands.map((c: { command: string }) => c.command);
    const registered = await vscode.commands.getCommands(true);
    const missing = declared.filter((c) => !registered.includes(c));
    assert.deepStrictEqual(missing, [], 'declared in package.json but not registered');
    // VS Code registers these for each contributed view: not ours to declare.
    const viewIds: string[] = Object.values(manifest.views as Record<string, { id: string }[]>).flat().map((v) => v.id);
    const generated = new Set(viewIds.flatMap((v) => ['focus', 'open', 'resetViewLocation', 'toggleVisibility', 'removeView'].map((s) => `${v}.${s}`)));
    const ours = registered.filter((c) => c.startsWith('layerscope.') && !generated.has(c));
    const undeclared = ours.filter((c) => !declared.includes(c));
    assert.deepStrictEqual(undeclared, [], 'registered but not declared in package.json');
    assert.ok(declared.length > 0);
    // Registration reads the manifest; the handlers load with the first command run: every declared
    // command must have one, and the table must hold nothing the manifest lacks.
    const handlers = Object.keys(await api.commandTable());
    assert.deepStrictEqual(declared.filter((c) => !handlers.includes(c)), [], 'declared but without a handler');
    assert.deepStrictEqual(handlers.filter((c) => !declared.includes(c)), [], 'a handler the manifest does not declare');
  });

  it('lists the fixture images from the real engine in the Images view', async () => {
    await api.views.images.setFilter(''); // an earlier test file may have left a name filter on
    await api.views.images.refresh();
    const shown = tagsShown(await api.views.images.rootNodes());
    const truth = await suiteDaemon(repo).tags();
    for (const tag of FIXTURE_TAGS) assert.ok(truth.includes(tag), `the fixture ${tag} is missing on the test daemon`);
    assert.deepStrictEqual(shown, truth);
    assert.strictEqual(api.views.images.view.message, undefined);
  });

  it('shows the actionable error within 2 s when its engine stops, and the list again when it restarts', async function () {
    this.timeout(240_000);
    // A daemon of its own (the suite's daemon stays up for the other tests), switched to through the
    // layerscope.host setting; concurrent runs on this machine take turns.
    const lock = await holdLock('layerscope-it-restart-test');
    const daemon = new Daemon('it-restart', repo);
    const settings = vscode.workspace.getConfiguration('layerscope');
    const images = api.views.images;
    let stopping: Promise<unknown> | undefined;
    try {
      await daemon.ctl('start');
      if (!(await daemon.tags()).includes(TINY_TAG)) await daemon.buildTinyImage(TINY_TAG);
      await settings.update('host', daemon.host, vscode.ConfigurationTarget.Global);
      await waitUntil(`the Images view to list ${TINY_TAG} from ${daemon.host}`, async () =>
        api.ctx.state === 'ready' && tagsShown(await images.rootNodes()).includes(TINY_TAG), 20_000, 100);

      // dockerd takes a few seconds to shut down: time the view from the moment the engine stops
      // answering, measured by our own pings beside the extension.
      let shownAt = 0;
      const watching = waitUntil('the Images view to say the engine is unreachable', () => {
        if (api.ctx.state === 'unreachable' && images.view.description?.startsWith('not reachable')) shownAt ||= Date.now();
        return shownAt;
      }, 120_000, 20);
      stopping = daemon.ctl('stop');
      const downAt = await waitUntil('the daemon to stop answering', async () => !(await daemon.ping()) && Date.now(), 60_000, 20);
      await Promise.race([watching, new Promise((r) => setTimeout(r, Math.max(0, 2_000 - (Date.now() - downAt))))]);
      assert.ok(shownAt, 'the unreachable message did not show within 2 s of the engine going away');
      console.log(`    (unreachable shown ${Math.max(0, shownAt - downAt)} ms after the engine stopped answering)`);
      await stopping;
      const message = api.ctx.error;
      assert.match(message, /not reachable/i);
      assert.ok(message.includes(daemon.socket), `names the endpoint: ${message}`);
      // No view message: it would hide the welcome content and its buttons.
      assert.strictEqual(images.view.message, undefined);
      assert.ok(images.view.description?.includes(daemon.host), `the title names the endpoint: ${images.view.description}`);
      assert.deepStrictEqual(await images.rootNodes(), []);
      // What a person sees: the welcome content with its buttons, in every view of the container.
      await openViewContainer('Layerscope');
      for (const view of ['Images', 'Containers']) {
        const welcome = await waitUntil(`the ${view} welcome content in the DOM`, async () =>
          (await page.texts(selectors.paneWelcome(view))).find((t) => /not reachable/.test(t)), 5_000);
        for (const button of ['Retry', 'Switch Engine…', 'Open Settings', 'Show the Error']) assert.ok(welcome.includes(button), `${view} shows ${button}: ${welcome}`);
      }
      assert.deepStrictEqual((await page.texts(selectors.paneMessage('Images'))).filter((t) => t.trim()), [], 'no message above the welcome content');
      // Show the Error gives the full text, as it is now (the reconnect attempts may have reworded
      // the cause since: ECONNRESET while the daemon went, ENOENT once its socket is gone).
      assert.strictEqual(await vscode.commands.executeCommand('layerscope.showEngineError'), api.ctx.error);
      await vscode.commands.executeCommand('notifications.clearAll');
      await page.screenshot(resultsPath(repo, 'sidebar-unreachable.png'));

      await daemon.ctl('start');
      await waitUntil('the Images view to list the images again', async () =>
        api.ctx.state === 'ready' && tagsShown(await images.rootNodes()).includes(TINY_TAG), 30_000, 100);
      assert.strictEqual(images.view.message, undefined);
      assert.deepStrictEqual(tagsShown(await images.rootNodes()), await daemon.tags());
      await waitUntil('the welcome content to leave the DOM', async () =>
        !(await page.texts(selectors.paneWelcome('Images'))).some((t) => /not reachable/i.test(t)), 5_000);
    } finally {
      await stopping?.catch(() => undefined);
      await settings.update('host', undefined, vscode.ConfigurationTarget.Global);
      await daemon.ctl('stop').catch(() => undefined);
      lock.release();
    }
    // Back on the suite's daemon.
    await waitUntil('the Images view to list the suite daemon again', async () =>
      api.ctx.state === 'ready' && tagsShown(await images.rootNodes()).includes(FIXTURE_TAGS[0]), 30_000, 100);
  });

  it('shows the images in the real side bar (screenshot)', async () => {
    await openViewContainer('Layerscope');
    const rows = await waitUntil('image rows in the Images view', async () => {
      const texts = await paneRowTexts('Images');
      return texts.some((t) => t.includes('layerscope-fixture')) ? texts : undefined;
    }, 10_000);
    assert.ok(rows.length > 0);
    await setSidebarWidth(520);
    const file = await page.screenshot(resultsPath(repo, 'sidebar.png'), { settleMs: 300 });
    assert.ok(fs.statSync(file).size > 10_000, 'the screenshot has content');
    publishScreenshot(repo, file, 'sidebar.png');
  });
});
