// A container's own layer and files in a real VS Code against the real test daemon: the changes
// tree of a container that wrote, changed and deleted known files; commit → a new image whose
// Layers panel shows exactly those changes on top; Compare with Image; export with cancel; files
// browse, open (text and binary), download and upload (running and stopped); and the changed file
// read from the screen with Playwright.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { CommitResult } from '../../src/commands/containerLayer';
import type { OpenResult, UploadResult } from '../../src/commands/containerFiles';
import type { UnpackResult } from '../../src/commands/containerCopy';
import type { SaveResult } from '../../src/commands/streamToFile';
import type { LayerscopeApi } from '../../src/extension';
import type { FileChange } from '../../src/analysis/types';
import type { ContainerChildRef } from '../../src/model/containerNodes';
import type { ContainerRef } from '../../src/model/containers';
import type { TreeNode as Node } from '../../src/model/tree';
import type { LayersPanel } from '../../src/webview/layersPanel';
import { docker, findNode, removeQuietly, scripted } from './explorerSupport';
import { page, uiAvailable } from './support/ui';
import { waitUntil } from './support/wait';
import { expandPaneRow, openViewContainer, paneRowTexts, publishScreenshot, resultsPath, selectors, setPanesExpanded } from './support/workbench';

type TreeNode = Node<ContainerRef | ContainerChildRef>;

const prefix = `lsl-${process.pid}`;
const WRITER = [
  'echo hello-new > /app/new.txt',
  'echo appended >> /app/hello.txt',
  'rm /app/tenk.txt',
  'mkdir /made && printf 12345 > /made/five.txt',
  'ln -s /app/new.txt /made/link',
  'touch /ready',
  'trap "exit 0" TERM; while true; do sleep 1; done',
].join('; ');

/** What /changes says, as "kind /path", sorted. */
const EXPECTED_CHANGES = [
  'added /app/new.txt', 'added /made', 'added /made/five.txt', 'added /made/link', 'added /ready',
  'changed /app', 'changed /app/hello.txt', 'deleted /app/tenk.txt',
];
/** The same changes as the layer analysis sees them in a layer (an existing dir re-stored unchanged is no change). */
const EXPECTED_LAYER = [
  'added app/new.txt', 'added made', 'added made/five.txt', 'added made/link', 'added ready',
  'modified app/hello.txt', 'removed app/tenk.txt',
];

function flattenAll(nodes: TreeNode[]): TreeNode[] {
  return nodes.flatMap((n) => [n, ...flattenAll(n.children ?? [])]);
}

function layerChanges(changes: FileChange[]): string[] {
  return changes.map((c) => `${c.change} ${c.path}`).sort();
}

describe('container layer and files', function () {
  this.timeout(180_000);
  let api: LayerscopeApi;
  let repo: string;
  let id: string;
  const name = `${prefix}-writer`;
  const stoppedName = `${prefix}-stopped`;
  const bigName = `${prefix}-big`;
  const images: string[] = [];
  const restore: vscode.Disposable[] = [];
  let tmp: string;

  function answer(answers: Parameters<typeof scripted>[0]) {
    const s = scripted(answers);
    restore.push(api.ctx.prompter.use(s.prompter));
    return s.asked;
  }

  async function containerNode(containerName: string): Promise<TreeNode> {
    const view = api.views.containers;
    await view.refresh();
    return findNode(await view.rootNodes(), (n) => (n.ref as ContainerRef | undefined)?.container?.names[0] === containerName, containerName);
  }

  async function childrenOf(node: TreeNode): Promise<TreeNode[]> {
    return api.views.containers.getChildren(node);
  }

  async function childNamed(node: TreeNode, label: string): Promise<TreeNode> {
    const kids = await childrenOf(node);
    const found = kids.find((k) => k.item.label === label);
    if (!found) throw new Error(`no row ${label} under ${node.item.label}: ${kids.map((k) => k.item.label).join(', ')}`);
    return found;
  }

  before(async () => {
    const ext = vscode.extensions.getExtension<LayerscopeApi>('layerscope.layerscope')!;
    repo = ext.extensionPath;
    api = await ext.activate();
    await api.explorer(); // the explorer's code loads on first use
    await waitUntil('the engine to be ready', () => api.ctx.state === 'ready', 30_000);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'layerscope-layer-it-'));
    await removeQuietly('container', name, stoppedName, bigName);
    id = await docker(['run', '-d', '--network', 'none', '--name', name, '--label', 'layerscope.test=layer', 'layerscope-fixture/multi:1', 'sh', '-c', WRITER]);
    await waitUntil('the writer to finish', () => docker(['exec', id, 'test', '-e', '/ready']).then(() => true, () => false), 30_000, 200);
  });

  afterEach(() => {
    for (const d of restore.splice(0)) d.dispose();
  });

  after(async () => {
    // Later suites expect the Layerscope views hidden (they count engine reads of visible views).
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.view.explorer');
    await removeQuietly('container', name, stoppedName, bigName);
    for (const image of images) await removeQuietly('image', image);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('a container row expands to its Layer (sizes asked for it alone) and Files', async () => {
    const row = await containerNode(name);
    assert.strictEqual(row.item.collapse, 'collapsed');
    const kids = await childrenOf(row);
    assert.deepStrictEqual(kids.map((k) => k.item.label), ['Layer', 'Files']);
    assert.match(kids[0].item.description!, /^[\d.]+ k?B written · [\d.]+ MB virtual · 5 added, 2 changed, 1 deleted$/);
    assert.match(kids[0].item.tooltip!, /Writable layer \(SizeRw\)/);
  });

  it('the Layer row lists exactly what the container added, changed and deleted, with sizes', async () => {
    const layer = await childNamed(await containerNode(name), 'Layer');
    const rows = flattenAll(await childrenOf(layer));
    const shown = rows.map((r) => (r.ref as ContainerChildRef & { kind: 'containerChange' }).change)
      .filter((c) => c.kind).map((c) => `${c.kind === 'modified' ? 'changed' : c.kind} ${c.path}`).sort();
    assert.deepStrictEqual(shown, EXPECTED_CHANGES);
    const byPath = new Map(rows.map((r) => [(r.ref as { change: { path: string } }).change.path, r]));
    assert.strictEqual(byPath.get('/app/new.txt')!.item.description, 'added · 10 B');
    assert.strictEqual(byPath.get('/app/hello.txt')!.item.description, 'changed · 31 B');
    assert.strictEqual(byPath.get('/app/tenk.txt')!.item.description, 'deleted');
    assert.strictEqual(byPath.get('/app/tenk.txt')!.item.contextValue, 'containerChange.deleted');
    assert.strictEqual(byPath.get('/made')!.item.description, 'added · 17 B');
    assert.strictEqual(byPath.get('/app/new.txt')!.item.icon?.id, 'diff-added');
  });

  it('Commit to Image… shows what will be committed, asks repo:tag, author, message and pause, and makes that image', async () => {
    const asked = answer({
      input: async (o) => (o.prompt?.startsWith('Repository') ? `${prefix}/committed:t1` : o.prompt?.startsWith('Author') ? 'Layer Test <t@example.org>' : 'snapshot from the test'),
      pick: async (items) => items.find((i) => i.label === 'Pause while committing'),
      confirm: async () => 'Commit',
    });
    const layer = await childNamed(await containerNode(name), 'Layer');
    const result = await vscode.commands.executeCommand<CommitResult>('layerscope.container.commit', layer);
    assert.ok(result, 'the commit returns the new image');
    images.push(result.imageId);
    assert.strictEqual(result.ref, `${prefix}/committed:t1`);
    assert.deepStrictEqual(asked.inputs.map((i) => i.prompt), ['Repository[:tag] of the new image', 'Author (optional), e.g. Jane Doe <jane@example.org>', 'Commit message (optional)']);
    assert.strictEqual(asked.inputs[0].validateInput!('Not Valid!') !== undefined, true);
    const detail = asked.confirms[0].detail.split('\n');
    assert.match(detail[0], /plus one layer with the container's changes: 5 added, 2 changed, 1 deleted/);
    assert.deepStrictEqual(detail.slice(1).sort(), ['A /app/new.txt', 'A /made', 'A /made/five.txt', 'A /made/link', 'A /ready', 'C /app', 'C /app/hello.txt', 'D /app/tenk.txt']);
    const inspect = await docker(['image', 'inspect', '-f', '{{.Author}}|{{.Comment}}|{{json .RepoTags}}', result.imageId]);
    assert.strictEqual(inspect, `Layer Test <t@example.org>|snapshot from the test|["${prefix}/committed:t1"]`);
    assert.strictEqual(await docker(['inspect', '-f', '{{.State.Status}}', id]), 'running', 'paused only while committing');

    // Its Layers panel: the top layer holds exactly those changes.
    const panel = await vscode.commands.executeCommand<LayersPanel>('layerscope.analyzeImage', result.ref);
    const analysis = await waitUntil('the analysis of the committed image', () => panel.analysisResult, 60_000);
    assert.strictEqual(analysis.layers.length, 10, 'multi has 9 layers, the commit adds one');
    assert.deepStrictEqual(layerChanges(analysis.layers[9].changes), EXPECTED_LAYER);
    panel.dispose();
  });

  it('Compare with Image opens the image\'s Layers panel with the container\'s layer on top, without committing', async () => {
    const imagesBefore = await docker(['images', '-q', '--no-trunc']);
    const panel = await vscode.commands.executeCommand<LayersPanel>('layerscope.container.compareWithImage', await containerNode(name));
    assert.ok(panel && panel.overlay, 'a panel with the container on top');
    assert.strictEqual(panel.panel.title, `Layers: layerscope-fixture/multi:1 + ${name}`);
    const analysis = panel.analysisResult!;
    assert.strictEqual(analysis.layers.length, 10);
    assert.deepStrictEqual(layerChanges(analysis.layers[9].changes), EXPECTED_LAYER);
    assert.match(analysis.layers[9].createdBy, new RegExp(`container ${name} \\(its writable layer, not committed\\)`));
    // The history rows end with the container's step, unique to it.
    const state = await waitUntil('the rows with the container on top', () => {
      const m = panel.lastPosted;
      return m?.type === 'image' && m.state.rows.at(-1)?.createdBy.startsWith('container ') ? m.state : undefined;
    }, 20_000);
    assert.strictEqual(state.rows.at(-1)!.layerIndex, 9);
    assert.strictEqual(state.breakdown.layers.at(-1)!.shared, false);
    // Compared as sets: the engine lists images of the same creation second in no fixed order.
    assert.deepStrictEqual(idSet(await docker(['images', '-q', '--no-trunc'])), idSet(imagesBefore), 'no image was made');
    // The image's own panel is another one.
    const own = await vscode.commands.executeCommand<LayersPanel>('layerscope.showLayers', 'layerscope-fixture/multi:1');
    assert.notStrictEqual(own, panel);
    own.dispose();
    panel.dispose();
  });

  it('Export Filesystem to .tar… streams to the file; cancelling removes the partial file', async () => {
    // A stopped container with 12 MB of its own, so the export passes the first progress report (4 MB).
    await docker(['run', '--network', 'none', '--name', bigName, '--label', 'layerscope.test=layer', 'layerscope-fixture/multi:1',
      'dd', 'if=/dev/zero', 'of=/twelve.bin', 'bs=1048576', 'count=12']);
    const file = path.join(tmp, 'export.tar');
    let sawPartial = false;
    const asked = answer({
      saveFile: async () => vscode.Uri.file(file),
      progress: (_title, task) => {
        const abort = new AbortController();
        // Cancel at the first progress report (after 4 MB): the file exists by then.
        return task(() => { sawPartial = fs.existsSync(file) && fs.statSync(file).size > 0; abort.abort(); }, abort.signal);
      },
    });
    const cancelled = await vscode.commands.executeCommand<SaveResult | undefined>('layerscope.container.export', await containerNode(bigName));
    assert.strictEqual(cancelled, undefined);
    assert.ok(sawPartial, 'a partial file was being written');
    assert.ok(!fs.existsSync(file), 'the partial file was removed');
    assert.match(asked.infos.at(-1)!, /Export of .* cancelled; the partial file was deleted\./);

    restore.splice(0).forEach((d) => d.dispose());
    answer({ saveFile: async () => vscode.Uri.file(file) });
    const done = await vscode.commands.executeCommand<SaveResult>('layerscope.container.export', await containerNode(name));
    assert.strictEqual(done.path, file);
    assert.strictEqual(fs.statSync(file).size, done.bytes);
    // A tar header starts with the entry's name, NUL-padded, at a 512-byte boundary.
    const tarBytes = fs.readFileSync(file);
    const names: string[] = [];
    for (let at = 0; at + 512 <= tarBytes.length && names.length < 5000; ) {
      const name = tarBytes.subarray(at, at + 100).toString('utf8').replace(/\0.*$/s, '');
      if (!name) break;
      names.push(name);
      const size = parseInt(tarBytes.subarray(at + 124, at + 136).toString('utf8').replace(/\0.*$/s, '').trim() || '0', 8);
      at += 512 + Math.ceil(size / 512) * 512;
    }
    assert.ok(names.includes('app/new.txt') && names.includes('made/five.txt'), 'the export holds the new files');
    assert.ok(!names.includes('app/tenk.txt'), 'and not the deleted one');
  });

  it('Files: browse, open a text file read-only, a binary one offers a download', async () => {
    const files = await childNamed(await containerNode(name), 'Files');
    const root = await childrenOf(files);
    for (const n of ['app', 'bin', 'made']) assert.ok(root.some((r) => r.item.label === n), n);
    const app = root.find((r) => r.item.label === 'app')!;
    const appRows = await childrenOf(app);
    assert.deepStrictEqual(appRows.map((r) => r.item.label), ['data', 'config.txt', 'hello.txt', 'new.txt', 'run.sh']);
    const made = await childrenOf(root.find((r) => r.item.label === 'made')!);
    const link = made.find((r) => r.item.label === 'link')!;
    assert.deepStrictEqual([link.item.description, link.item.contextValue], ['→ /app/new.txt', 'containerPath.symlink']);

    const opened = await vscode.commands.executeCommand<OpenResult>('layerscope.containerFile.open', appRows.find((r) => r.item.label === 'new.txt'));
    assert.ok(opened && 'opened' in opened);
    const editor = vscode.window.activeTextEditor!;
    assert.strictEqual(editor.document.uri.scheme, 'layerscope-container');
    assert.strictEqual(editor.document.getText(), 'hello-new\n');
    // Read-only: the file system refuses writes.
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(editor.document.uri, Buffer.from('x'))), /read-only/);
    // The same file through the symlink, without the primed copy: the provider reads it.
    const viaLink = await vscode.workspace.fs.readFile(vscode.Uri.from({ scheme: 'layerscope-container', authority: id, path: '/made/link' }));
    assert.strictEqual(Buffer.from(viaLink).toString(), 'hello-new\n');

    const asked = answer({ confirm: async () => undefined });
    const bin = (await childrenOf(root.find((r) => r.item.label === 'bin')!)).find((r) => r.item.label === 'busybox')!;
    const binary = await vscode.commands.executeCommand<OpenResult>('layerscope.containerFile.open', bin);
    assert.deepStrictEqual(binary, { binary: 1_982_256 });
    assert.strictEqual(asked.confirms[0].message, 'busybox: binary, 1982256 bytes — Download?');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('Download copies a folder out (docker cp semantics); Upload copies a file in after asking — running and stopped', async () => {
    const out = path.join(tmp, 'out');
    fs.mkdirSync(out);
    answer({ pickFolder: async () => vscode.Uri.file(out) });
    const app = (await childrenOf(await childNamed(await containerNode(name), 'Files'))).find((r) => r.item.label === 'app')!;
    const got = await vscode.commands.executeCommand<UnpackResult>('layerscope.containerFile.download', app);
    assert.ok(got);
    assert.strictEqual(fs.readFileSync(path.join(out, 'app', 'new.txt'), 'utf8'), 'hello-new\n');
    assert.strictEqual(fs.readFileSync(path.join(out, 'app', 'hello.txt'), 'utf8'), 'hello from layerscope\nappended\n');
    assert.ok(!fs.existsSync(path.join(out, 'app', 'tenk.txt')));
    assert.strictEqual(fs.readFileSync(path.join(out, 'app', 'data', 'one.txt'), 'utf8'), 'first\n');
    restore.splice(0).forEach((d) => d.dispose());

    const local = path.join(tmp, 'up.txt');
    fs.writeFileSync(local, 'uploaded by the test\n');
    const asked = answer({ pickUpload: async () => vscode.Uri.file(local), confirm: async () => 'Copy' });
    const made = (await childrenOf(await childNamed(await containerNode(name), 'Files'))).find((r) => r.item.label === 'made')!;
    const up = await vscode.commands.executeCommand<UploadResult>('layerscope.containerFile.upload', made);
    assert.deepStrictEqual(up, { dir: '/made', name: 'up.txt', files: 1, bytes: 21 });
    assert.strictEqual(asked.confirms[0].message, `Copy up.txt into ${name} as /made/up.txt?`);
    assert.strictEqual(await docker(['exec', id, 'cat', '/made/up.txt']), 'uploaded by the test');

    // A stopped container: listed from its archive, and copied into all the same.
    await docker(['create', '--network', 'none', '--name', stoppedName, '--label', 'layerscope.test=layer', 'layerscope-fixture/multi:1', 'true']);
    restore.splice(0).forEach((d) => d.dispose());
    answer({ pickUpload: async () => vscode.Uri.file(local), confirm: async () => 'Copy' });
    const stoppedRoot = await childrenOf(await childNamed(await containerNode(stoppedName), 'Files'));
    const stoppedApp = stoppedRoot.find((r) => r.item.label === 'app')!;
    assert.deepStrictEqual((await childrenOf(stoppedApp)).map((r) => r.item.label), ['data', 'config.txt', 'hello.txt', 'run.sh', 'tenk.txt']);
    await vscode.commands.executeCommand<UploadResult>('layerscope.containerFile.upload', stoppedApp);
    const copiedOut = path.join(tmp, 'stopped');
    fs.mkdirSync(copiedOut);
    await docker(['cp', `${stoppedName}:/app/up.txt`, copiedOut]);
    assert.strictEqual(fs.readFileSync(path.join(copiedOut, 'up.txt'), 'utf8'), 'uploaded by the test\n');
    // Declined: nothing is copied.
    restore.splice(0).forEach((d) => d.dispose());
    fs.writeFileSync(path.join(tmp, 'declined.txt'), 'no');
    answer({ pickUpload: async () => vscode.Uri.file(path.join(tmp, 'declined.txt')), confirm: async () => undefined });
    assert.strictEqual(await vscode.commands.executeCommand('layerscope.containerFile.upload', stoppedApp), undefined);
    await assert.rejects(docker(['cp', `${stoppedName}:/app/declined.txt`, copiedOut]));
  });

  it('on screen: the changed file in the Containers view, and its text in the editor', async function () {
    if (!uiAvailable()) throw new Error('the screen check needs the code-server launcher (node test/rig/run-integration.mjs)');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await containerNode(name);
    await openViewContainer('Layerscope');
    // The Containers pane gets the room: the other five views fold away while this reads it.
    const others = ['Images', 'Dangling', 'Disk Usage', 'Volumes', 'Networks'];
    await setPanesExpanded(others, false);
    try {
      await readChangedFile();
    } finally {
      await setPanesExpanded(others, true).catch(() => undefined);
    }
  });

  async function readChangedFile(): Promise<void> {
    await vscode.commands.executeCommand('layerscope.containers.focus');
    // Expanded the way a person does: click the container, its Layer, then the changed folder. Each
    // step checks the row is expanded and its child shown, and else clicks again.
    await expandPaneRow('Containers', name, 'Layer');
    await expandPaneRow('Containers', 'Layer', 'app');
    await expandPaneRow('Containers', 'app', 'new.txt');
    const rows = await waitUntil('the changed file in the Containers pane', async () => {
      const texts = await paneRowTexts('Containers');
      return texts.some((t) => /new\.txt\s*added · 10 B/.test(t)) && texts.some((t) => /tenk\.txt\s*deleted/.test(t)) ? texts : undefined;
    }, 20_000, 200);
    assert.ok(rows.some((t) => /hello\.txt\s*changed · 31 B/.test(t)), rows.join(' | '));
    // A click on the file opens it read-only. Clicked by its text, not its position: a live update of
    // the Containers view (a ticking status, other containers' events) may redraw the rows between the read and the click.
    const editorText = async () => {
      const texts = await page.texts('.editor-instance .view-lines .view-line');
      return texts.some((t) => t.includes('hello-new')) ? texts : undefined;
    };
    // A click that lands while the rows are redrawn opens nothing: click again, as a person would.
    let lines: string[] | undefined;
    for (let attempt = 0; attempt < 3 && !lines; attempt++) {
      if (attempt > 0) console.log('      (new.txt did not open after a click; clicking again)');
      await page.click(selectors.paneRows('Containers'), { hasText: 'new.txt' });
      lines = await waitUntil('the file text in the editor', editorText, 7_000, 200).catch(() => undefined);
    }
    if (!lines) {
      const tabs = await page.texts('.tabs-container .tab .label-name');
      const shown = await page.texts('.editor-instance .view-lines .view-line');
      const toasts = await page.texts('.notifications-toasts .notification-list-item-message');
      throw new Error(`new.txt did not open after three clicks: tabs ${tabs.join(' | ')}; editor ${shown.join(' | ')}; notifications ${toasts.join(' | ')}`);
    }
    assert.strictEqual(lines[0].trim(), 'hello-new');
    const tabs = await page.texts('.tabs-container .tab .label-name');
    assert.ok(tabs.some((t) => t.includes('new.txt')), tabs.join(' | '));
    const file = await page.screenshot(resultsPath(repo, 'container-layer.png'), { settleMs: 300 });
    publishScreenshot(repo, file, 'container-layer.png');
  }
});

function idSet(listing: string): string[] {
  return [...new Set(listing.split('\n').filter(Boolean))].sort();
}
