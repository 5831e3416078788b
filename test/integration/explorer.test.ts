// The explorer in a real VS Code against the real test daemon: every view, every action, live
// updates from the event stream, and prune removing only what it previewed.
import * as assert from 'assert';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { LayerscopeApi } from '../../src/extension';
import type { ContainerRef } from '../../src/model/containers';
import type { DanglingRef } from '../../src/model/dangling';
import type { ImageTagRef } from '../../src/model/images';
import type { PruneReport } from '../../src/model/prune';
import type { TreeNode } from '../../src/model/tree';
import type { ContainerSummary } from '../../src/model/types';
import { Daemon, engineGet, engineRequest, holdLock } from './support/engine';
import { waitUntil } from './support/wait';
import { buildImage, createContainer, docker, findNode, flatten, removeQuietly, scripted } from './explorerSupport';

const RUNNING = 'layerscope-fixture-running';
const EXITED = 'layerscope-fixture-exited';
const prefix = `lsx-${process.pid}`;

const isTag = (ref: string) => (n: TreeNode) => (n.ref as ImageTagRef | undefined)?.ref === ref;
const isContainer = (name: string) => (n: TreeNode) => (n.ref as ContainerRef | undefined)?.container?.names[0] === name;

async function inspectContainer(id: string): Promise<{ State: { Status: string } }> {
  return engineGet(`/containers/${id}/json`);
}

async function imageExists(ref: string): Promise<boolean> {
  return engineGet(`/images/${encodeURIComponent(ref)}/json`).then(() => true, () => false);
}

describe('explorer', function () {
  this.timeout(120_000);
  let api: LayerscopeApi;
  let repo: string;
  const restore: vscode.Disposable[] = [];

  /** Swaps in a scripted prompter for one test. */
  function answer(answers: Parameters<typeof scripted>[0]) {
    const s = scripted(answers);
    restore.push(api.ctx.prompter.use(s.prompter));
    return s.asked;
  }

  before(async () => {
    const ext = vscode.extensions.getExtension<LayerscopeApi>('layerscope.layerscope')!;
    repo = ext.extensionPath;
    api = await ext.activate();
    await api.explorer(); // the explorer's code loads on first use
    await waitUntil('the engine to be ready', () => api.ctx.state === 'ready', 30_000);
    await api.views.refreshAll();
  });

  afterEach(() => {
    for (const d of restore.splice(0)) d.dispose();
  });

  describe('Images view', () => {
    it('groups tags by repository with size and age, one image under each of its tags', async () => {
      await api.views.images.refresh();
      const roots = await api.views.images.rootNodes();
      const group = findNode(roots, (n) => n.item.label === 'layerscope-fixture/multi', 'the multi group');
      assert.deepStrictEqual(group.children!.map((n) => n.item.label).sort(), ['1', 'latest']);
      const [a, b] = group.children!.map((n) => (n.ref as ImageTagRef).image);
      assert.strictEqual(a.id, b.id, 'both tags are the same image');
      const base = findNode(roots, isTag('layerscope-fixture/base:1'), 'base:1');
      assert.match(base.item.description!, /^1\.99 MB · (just now|\d+ \w+ ago)$/);
      assert.strictEqual(base.item.contextValue, 'image');
      // The engine is named in the view's description.
      assert.ok(api.views.images.view.description?.includes(process.env.DOCKER_HOST!), api.views.images.view.description);
    });

    it('marks images in use and names their containers in the tooltip', async () => {
      const images = api.views.images;
      const multi = findNode(await images.rootNodes(), isTag('layerscope-fixture/multi:1'), 'multi:1');
      assert.strictEqual(multi.item.contextValue, 'image.inUse');
      assert.strictEqual(multi.item.icon?.id, 'layers-active');
      assert.match(multi.item.description!, /in use \(\d+\)/);
      // The tooltip is built on hover (resolveTreeItem), as VS Code asks for it.
      const tooltip = String((await images.resolveTreeItem(images.getTreeItem(multi), multi)).tooltip);
      assert.match(tooltip, new RegExp(`${RUNNING} \\(running\\)`));
      assert.match(tooltip, new RegExp(`${EXITED} \\(exited\\)`));
      assert.match(tooltip, /Also tagged layerscope-fixture\/multi:latest/);
    });

    it('resolves shared and unique size from /system/df on hover (API 1.41 lists SharedSize -1)', async () => {
      const images = api.views.images;
      const node = findNode(await images.rootNodes(), isTag('layerscope-fixture/shared:1'), 'shared:1');
      const item = await images.resolveTreeItem(images.getTreeItem(node), node);
      assert.match(String(item.tooltip), /Shared with other images 1\.99 MB · unique 7 B/);
    });

    it('sorts by the title-bar toggle and groups per the setting', async () => {
      const images = api.views.images;
      const config = () => vscode.workspace.getConfiguration('layerscope');
      try {
        let next = images.nextRefresh();
        assert.strictEqual(await vscode.commands.executeCommand('layerscope.images.toggleSort'), 'name');
        await next;
        answer({ pick: async (items) => items.find((i) => i.label === 'none') });
        next = images.nextRefresh();
        assert.strictEqual(await vscode.commands.executeCommand('layerscope.images.groupBy'), 'none');
        await next;
        const labels = (await images.rootNodes()).map((n) => n.item.label).filter((l) => l.startsWith('layerscope-fixture/'));
        assert.deepStrictEqual(labels, [...labels].sort());
        assert.ok(labels.includes('layerscope-fixture/multi:latest'));
        next = images.nextRefresh();
        await config().update('images.sortBy', 'size', vscode.ConfigurationTarget.Global);
        await next;
        const sizes = (await images.rootNodes()).map((n) => (n.ref as ImageTagRef).image.size);
        assert.deepStrictEqual(sizes, [...sizes].sort((x, y) => y - x));
      } finally {
        await config().update('images.sortBy', undefined, vscode.ConfigurationTarget.Global);
        await config().update('images.groupBy', undefined, vscode.ConfigurationTarget.Global);
        await images.refresh();
      }
    });

    it('filters by a name substring and clears the filter', async () => {
      const images = api.views.images;
      answer({ input: async () => 'MULTI' });
      await vscode.commands.executeCommand('layerscope.images.filter');
      const shown = flatten(await images.rootNodes()).map((n) => (n.ref as ImageTagRef | undefined)?.ref).filter(Boolean);
      assert.deepStrictEqual(shown.sort(), ['layerscope-fixture/multi:1', 'layerscope-fixture/multi:latest']);
      assert.match(images.view.description!, /filter: "MULTI"/);
      answer({ input: async () => 'no-such-image-anywhere' });
      await vscode.commands.executeCommand('layerscope.images.filter');
      assert.deepStrictEqual(await images.rootNodes(), []);
      assert.match(images.view.message ?? '', /No tag matches "no-such-image-anywhere"/);
      await vscode.commands.executeCommand('layerscope.images.clearFilter');
      assert.ok(flatten(await images.rootNodes()).some(isTag('layerscope-fixture/base:1')));
      assert.strictEqual(images.view.message, undefined);
    });
    it('follows image events from the engine and re-lists on a full refresh request', async () => {
      const images = api.views.images;
      await images.rootNodes();
      const newTag = `${prefix}/event:1`;
      await docker(['tag', 'layerscope-fixture/small:1', newTag]);
      try {
        // Nothing here asks for a refresh: the tag event marks the view stale (debounced) and the next read rebuilds it.
        await waitUntil('the tag event to reach the Images view', async () => flatten(await images.rootNodes()).some(isTag(newTag)), 10_000, 100);
        await docker(['image', 'rm', newTag]);
        await waitUntil('the untag event to reach the Images view', async () => !flatten(await images.rootNodes()).some(isTag(newTag)), 10_000, 100);
      } finally {
        await removeQuietly('image', newTag);
      }
      const engine = api.ctx.engine;
      const original = engine.listImages.bind(engine);
      let lists = 0;
      (engine as { listImages: typeof engine.listImages }).listImages = (...args) => { lists++; return original(...args); };
      try {
        const next = images.nextRefresh();
        api.ctx.refreshAll();
        await next;
        assert.ok(lists >= 1, 'a resync lists the images again');
      } finally {
        delete (engine as Partial<{ listImages: unknown }>).listImages;
      }
    });
  });

  describe('Dangling view', () => {
    it('fills in the reclaimable total when another view had already read /system/df (the race of issue 13)', async () => {
      const dangling = api.views.dangling;
      // The Disk Usage view (or a prune preview) read /system/df first: it is settled in the
      // snapshot before the Dangling view has its image list, so its bytes arrive "early".
      api.views.snapshot.invalidate();
      await api.views.snapshot.diskUsage();
      await dangling.reload();
      await dangling.diskUsagePhase;
      const [danglingGroup] = dangling.shownRoots;
      assert.match(danglingGroup.item.description!, /^\d+ items?, [\d.]+ (B|kB|MB|GB) reclaimable$/);
      const rows = danglingGroup.children!.map((n) => n.ref as DanglingRef & { kind: 'danglingImage' });
      assert.ok(rows.every((r) => r.reclaimable !== undefined || r.usedBy.length > 0), 'every dangling row knows its reclaimable bytes');
    });

    it('lists the dangling fixture with a reclaimable total, intermediates with their keeper, and the build cache group', async () => {
      const dangling = api.views.dangling;
      await dangling.refresh();
      await dangling.diskUsagePhase;
      const [danglingGroup, intermediateGroup, cacheGroup] = await dangling.rootNodes();
      const truth = await engineGet<{ Id: string }[]>(`/images/json?filters=${encodeURIComponent('{"dangling":["true"]}')}`);
      const shownIds = danglingGroup.children!.map((n) => (n.ref as DanglingRef & { kind: 'danglingImage' }).image.id);
      assert.deepStrictEqual(shownIds.sort(), truth.map((i) => i.Id).sort());
      assert.match(danglingGroup.item.description!, new RegExp(`^${truth.length} items?, [\\d.]+ (B|kB|MB) reclaimable$`));
      assert.ok(danglingGroup.children!.every((n) => n.item.contextValue === 'image.dangling'));
      // The legacy builder left untagged parents of the fixtures: each names the tagged image keeping it.
      assert.ok(intermediateGroup.children!.length > 0, 'intermediate images from the legacy builds');
      for (const n of intermediateGroup.children!) assert.match(n.item.description!, /^kept by .+ · frees nothing$/);
      assert.ok(intermediateGroup.children!.some((n) => /kept by layerscope-fixture\//.test(n.item.description!)));
      assert.strictEqual(cacheGroup.item.label, 'Build cache');
      assert.match(cacheGroup.item.description!, /^\d+ records?, [\d.]+ (B|kB|MB|GB) reclaimable$/);
    });
  });

  describe('Containers view', () => {
    it('groups by state with name, image, status and state icons', async () => {
      await api.views.containers.refresh();
      const roots = await api.views.containers.rootNodes();
      const running = findNode(roots, isContainer(RUNNING), RUNNING);
      assert.strictEqual(running.item.contextValue, 'container.running');
      assert.strictEqual(running.item.icon?.id, 'vm-running');
      assert.match(running.item.description!, /^layerscope-fixture\/multi:1 · Up /);
      const exited = findNode(roots, isContainer(EXITED), EXITED);
      assert.strictEqual(exited.item.contextValue, 'container.exited');
      assert.match(exited.item.description!, /Exited \(3\)/);
      const groupOf = (n: (typeof roots)[number]) => roots.find((g) => g.children?.includes(n))!.item.label;
      assert.strictEqual(groupOf(running), 'Running');
      assert.strictEqual(groupOf(exited), 'Exited');
    });

    it('groups by compose project when set', async () => {
      const id = await createContainer(`${prefix}-compose`, 'layerscope-fixture/multi:1', 'true').then(async (cid) => {
        await removeQuietly('container', cid);
        return docker(['create', '--network', 'none', '--name', `${prefix}-compose`, '--label', 'com.docker.compose.project=shop', 'layerscope-fixture/multi:1', 'true']);
      });
      const config = vscode.workspace.getConfiguration('layerscope');
      try {
        const next = api.views.containers.nextRefresh();
        await config.update('containers.groupBy', 'compose', vscode.ConfigurationTarget.Global);
        await next;
        await api.views.containers.refresh();
        const roots = await api.views.containers.rootNodes();
        const shop = roots.find((g) => g.item.label === 'shop');
        assert.ok(shop, `groups: ${roots.map((g) => g.item.label).join(', ')}`);
        assert.ok(shop.children!.some(isContainer(`${prefix}-compose`)));
        assert.ok(roots.find((g) => g.item.label === 'No compose project')!.children!.some(isContainer(RUNNING)));
      } finally {
        await config.update('containers.groupBy', undefined, vscode.ConfigurationTarget.Global);
        await removeQuietly('container', id);
        await api.views.containers.refresh();
      }
    });

    it('follows a start event from the engine by updating that one container, without re-listing', async () => {
      const containers = api.views.containers;
      const id = await createContainer(`${prefix}-live`, 'layerscope-fixture/multi:1', 'sleep 300');
      try {
        // The view is hidden in this run: the create event marks it stale and the next read reloads.
        await waitUntil('the created container to appear (create event)', async () => { await containers.rootNodes(); return containers.nodeOf(id); }, 10_000);
        // Let the create event's debounced reload land first: from here on only the start event acts.
        await new Promise((r) => setTimeout(r, 600));
        await containers.rootNodes();
        const engine = api.ctx.engine;
        const original = engine.listContainers.bind(engine);
        let lists = 0;
        (engine as { listContainers: typeof engine.listContainers }).listContainers = (...args) => { lists++; return original(...args); };
        try {
          const updated = containers.nextUpdate();
          await engineRequest('POST', `/containers/${id}/start`);
          assert.strictEqual(await updated, id);
          assert.strictEqual(lists, 0, 'a state event must not list every container');
          const node = containers.nodeOf(id)!;
          assert.strictEqual(node.item.contextValue, 'container.running');
          const roots = await containers.rootNodes();
          assert.strictEqual(roots.find((g) => g.children?.some((c) => (c.ref as ContainerRef).container.id === id))?.item.label, 'Running');
        } finally {
          delete (engine as Partial<{ listContainers: unknown }>).listContainers;
        }
      } finally {
        await removeQuietly('container', id);
      }
    });

    it('runs Stop, Start, Restart, Pause, Unpause, Stats, Top, Inspect, Logs, Shell and Remove on a throwaway container', async () => {
      const id = await createContainer(`${prefix}-acts`, 'layerscope-fixture/multi:1', 'trap "exit 0" TERM; echo hello-from-logs; while true; do sleep 1; done');
      try {
        await engineRequest('POST', `/containers/${id}/start`);
        await api.views.containers.refresh();
        const node = () => api.views.containers.nodeOf(id)!;
        const run = async (command: string, state: string) => {
          const result = await vscode.commands.executeCommand<ContainerSummary | undefined>(`layerscope.container.${command}`, node());
          assert.strictEqual((await inspectContainer(id)).State.Status, state, `${command} → ${state}`);
          assert.strictEqual(result?.state, state, 'the command returns the container as now shown');
          assert.strictEqual(node().item.contextValue, `container.${state}`);
          return result;
        };
        await run('stop', 'exited');
        await run('start', 'running');
        await run('restart', 'running');
        await run('pause', 'paused');
        await run('unpause', 'running');

        // Stats: the live panel follows it (its own tests are in resources.test.ts).
        assert.strictEqual(await vscode.commands.executeCommand('layerscope.container.stats', node()), id);
        await waitUntil('a stats frame', () => api.views.stats.frames(id) > 0, 20_000, 100);
        assert.ok(api.views.stats.card(id)!.view!.memory.length > 0);
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');

        const top = await vscode.commands.executeCommand<vscode.TextDocument>('layerscope.container.top', node());
        assert.match(top.getText(), /PID[\s\S]*sleep 1/);
        const inspect = await vscode.commands.executeCommand<vscode.TextDocument>('layerscope.container.inspect', node());
        assert.strictEqual(inspect.languageId, 'json');
        assert.strictEqual(JSON.parse(inspect.getText()).Id, id);
        assert.strictEqual(inspect.uri.scheme, 'layerscope-inspect');

        const logs = await vscode.commands.executeCommand<{ text(): string; stop(): void; done: Promise<void> }>('layerscope.container.logs', node());
        await waitUntil('the logs to arrive', () => logs.text().includes('hello-from-logs'));
        const again = await vscode.commands.executeCommand<{ channel: unknown; text(): string; stop(): void; done: Promise<void> }>('layerscope.container.logs', node());
        await logs.done; // the first follow stopped: one follow, one channel per container
        assert.strictEqual(again.channel, (logs as unknown as { channel: unknown }).channel);
        await waitUntil('the logs to arrive again', () => again.text().includes('hello-from-logs'));
        again.stop();
        await again.done;

        const terminal = await vscode.commands.executeCommand<vscode.Terminal>('layerscope.container.shell', node());
        const options = terminal.creationOptions as vscode.TerminalOptions;
        assert.match(options.shellPath!, /docker$/);
        assert.deepStrictEqual(options.shellArgs, ['exec', '-it', id, 'sh']);
        assert.strictEqual(options.env?.DOCKER_HOST, process.env.DOCKER_HOST);
        assert.ok(await terminal.processId, 'the terminal started a process');
        terminal.dispose();

        const removeAsked = answer({ confirm: async (_m, _d, buttons) => buttons[0] });
        assert.strictEqual(await vscode.commands.executeCommand('layerscope.container.remove', node()), true);
        assert.deepStrictEqual(removeAsked.confirms[0].buttons, ['Force Remove'], 'a running container is force-removed, after asking');
        await assert.rejects(inspectContainer(id));
        assert.strictEqual(api.views.containers.nodeOf(id), undefined);
      } finally {
        await removeQuietly('container', id);
      }
    });

    it('asks for the container with a quick pick when run from the palette', async () => {
      const asked = answer({ pick: async () => undefined });
      await vscode.commands.executeCommand('layerscope.container.inspect');
      assert.ok(asked.picks[0].items.some((i) => i.label === RUNNING), 'the running fixture is offered');
      // With a row selected in the view, the palette command acts on it without asking.
      const containers = api.views.containers;
      const node = findNode(await containers.rootNodes(), isContainer(RUNNING), RUNNING);
      await containers.view.reveal(node, { select: true, focus: true });
      await waitUntil('the row to be selected', () => containers.view.selection.includes(node));
      const doc = await vscode.commands.executeCommand<vscode.TextDocument>('layerscope.container.inspect');
      assert.strictEqual(JSON.parse(doc.getText()).Name, `/${RUNNING}`);
      assert.strictEqual(asked.picks.length, 1, 'no second quick pick');
    });
  });

  describe('image actions', () => {
    const tag = `${prefix}/img:1`;
    const extraTag = `${prefix}/img:copy`;
    let imageId = '';

    before(async () => { imageId = await buildImage(tag, 'actions'); await api.views.images.refresh(); });
    after(async () => { await removeQuietly('image', extraTag, tag); });

    const node = async (ref = tag) => findNode(await api.views.images.rootNodes(), isTag(ref), ref);

    it('inspects, copies the ID and the full tag', async () => {
      const doc = await vscode.commands.executeCommand<vscode.TextDocument>('layerscope.image.inspect', await node());
      assert.strictEqual(doc.languageId, 'json');
      assert.strictEqual(JSON.parse(doc.getText()).Id, imageId);
      assert.strictEqual(await vscode.commands.executeCommand('layerscope.image.copyId', await node()), imageId);
      assert.strictEqual(await vscode.env.clipboard.readText(), imageId);
      assert.strictEqual(await vscode.commands.executeCommand('layerscope.image.copyTag', await node()), tag);
      assert.strictEqual(await vscode.env.clipboard.readText(), tag);
    });

    it('tags, refusing a bad name, then removes a tag after asking', async () => {
      answer({ input: async () => 'Not A Name' });
      await vscode.commands.executeCommand('layerscope.image.tag', await node());
      assert.strictEqual(await imageExists('Not A Name'), false);
      const asked = answer({ input: async () => extraTag, confirm: async () => 'Remove' });
      assert.strictEqual(await vscode.commands.executeCommand('layerscope.image.tag', await node()), extraTag);
      assert.ok(await imageExists(extraTag));
      assert.ok(flatten(await api.views.images.rootNodes()).some(isTag(extraTag)));
      await vscode.commands.executeCommand('layerscope.image.remove', await node(extraTag));
      assert.deepStrictEqual(asked.confirms[0].buttons, ['Remove'], 'no force offered for an unused image');
      assert.match(asked.confirms[0].detail, /Only the tag is removed/);
      assert.strictEqual(await imageExists(extraTag), false);
      assert.ok(await imageExists(tag), 'the image stays under its other tag');
    });

    it('refuses to remove an in-use image without force, naming its container, and removes it with force', async () => {
      const inUse = `${prefix}/inuse:1`;
      await buildImage(inUse, 'in-use');
      const cid = await createContainer(`${prefix}-user`, inUse, 'true');
      try {
        await api.views.images.refresh();
        let asked = answer({ confirm: async () => 'Remove' });
        await vscode.commands.executeCommand('layerscope.image.remove', await node(inUse));
        assert.deepStrictEqual(asked.confirms[0].buttons, ['Remove', 'Force Remove']);
        assert.match(asked.confirms[0].detail, new RegExp(`In use by ${prefix}-user \\(created\\)`));
        assert.ok(await imageExists(inUse), 'the engine refused: the image is still there');
        restore.splice(0).forEach((d) => d.dispose());
        asked = answer({ confirm: async () => 'Force Remove' });
        await vscode.commands.executeCommand('layerscope.image.remove', await node(inUse));
        assert.strictEqual(await imageExists(inUse), false);
      } finally {
        await removeQuietly('container', cid);
        await removeQuietly('image', inUse);
      }
    });

    it('saves to .tar with progress, deletes the partial file when cancelled, and loads it back', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lsx-save-'));
      try {
        const file = path.join(dir, 'multi.tar');
        // Cancel as soon as progress is first reported (after 4 MB of the 7 MB image).
        answer({
          saveFile: async () => vscode.Uri.file(file),
          progress: (_t, task) => { const abort = new AbortController(); return task(() => abort.abort(), abort.signal); },
        });
        const cancelled = await vscode.commands.executeCommand('layerscope.image.save', await node('layerscope-fixture/multi:1'));
        assert.strictEqual(cancelled, undefined);
        assert.strictEqual(fs.existsSync(file), false, 'the partial file is deleted');

        const small = path.join(dir, 'img.tar');
        answer({ saveFile: async () => vscode.Uri.file(small), openFile: async () => vscode.Uri.file(small), confirm: async () => 'Remove' });
        const saved = await vscode.commands.executeCommand<{ path: string; bytes: number }>('layerscope.image.save', await node());
        assert.strictEqual(saved.path, small);
        assert.strictEqual(fs.statSync(small).size, saved.bytes);
        assert.ok(saved.bytes > 1000);
        await docker(['image', 'rm', tag]);
        const output = await vscode.commands.executeCommand<string>('layerscope.image.load');
        assert.match(output, /Loaded image/);
        assert.ok(await imageExists(tag));
        assert.ok(flatten(await api.views.images.rootNodes()).some(isTag(tag)), 'the view lists the loaded image');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('Disk Usage view', () => {
    it('shows images, containers, local volumes and build cache with totals, expandable largest first', async () => {
      await api.views.diskUsage.refresh();
      const roots = await api.views.diskUsage.rootNodes();
      assert.deepStrictEqual(roots.map((n) => n.item.label), ['Images', 'Containers', 'Local volumes', 'Build cache']);
      for (const n of roots) assert.match(n.item.description!, /^[\d.]+ (B|kB|MB|GB) · \d+ \(\d+ active\) · [\d.]+ (B|kB|MB|GB) reclaimable( \([\d.]+ (B|kB|MB|GB) dangling\))?$/);
      const df = await engineGet<{ Images: unknown[]; Containers: unknown[] }>('/system/df');
      assert.match(roots[0].item.description!, new RegExp(` · ${df.Images.length} \\(`));
      assert.match(roots[1].item.description!, new RegExp(` · ${df.Containers.length} \\(`));
      const children = await api.views.diskUsage.getChildren(roots[0]);
      const sizes = children.map((c) => Number(/^([\d.]+) (B|kB|MB|GB)/.exec(c.item.description!)![1]) * { B: 1, kB: 1e3, MB: 1e6, GB: 1e9 }[/^[\d.]+ (B|kB|MB|GB)/.exec(c.item.description!)![1] as 'B']);
      assert.deepStrictEqual(sizes, [...sizes].sort((a, b) => b - a));
    });

    it('follows volume events: a new volume shows up without a refresh', async () => {
      const diskUsage = api.views.diskUsage;
      await diskUsage.rootNodes();
      const volume = `${prefix}-dvol`;
      await docker(['volume', 'create', volume]);
      try {
        await waitUntil('the volume in Disk Usage', async () => {
          const volumes = (await diskUsage.rootNodes()).find((n) => n.item.label === 'Local volumes');
          return volumes && (await diskUsage.getChildren(volumes)).some((n) => n.item.label === volume);
        }, 10_000, 100);
      } finally {
        await removeQuietly('volume', volume);
      }
    });
  });

  describe('prune', () => {
    after(async function () {
      this.timeout(120_000);
      // Prune took the fixture's dangling image and exited container: rebuild the set.
      await new Promise<void>((resolve, reject) => require('child_process').execFile('bash', [path.join(repo, 'test/rig/build-fixtures.sh')],
        { timeout: 110_000 }, (err: Error | null) => (err ? reject(err) : resolve())));
      await api.views.refreshAll();
    });

    it('removes only the dangling images it previewed: one made after the preview survives', async () => {
      const name = `${prefix}/dangle:1`;
      const first = await buildImage(name, 'one');
      const second = await buildImage(name, 'two'); // `first` is dangling now; `second` becomes so during the prompt
      // A dangling image a container still uses: shown as in use, never in the plan.
      const usedName = `${prefix}/used:1`;
      const used = await buildImage(usedName, 'used-one');
      const user = await createContainer(`${prefix}-keeps`, usedName, 'true');
      await buildImage(usedName, 'used-two');
      await api.views.dangling.refresh();
      await api.views.dangling.diskUsagePhase;
      const usedRow = findNode(await api.views.dangling.rootNodes(), (n) => (n.ref as { image?: { id: string } } | undefined)?.image?.id === used, 'the used dangling image');
      assert.match(usedRow.item.description!, new RegExp(`in use by ${prefix}-keeps`));
      const asked = answer({
        confirm: async (_m, _detail, buttons) => {
          await buildImage(name, 'three');
          return buttons[0];
        },
      });
      try {
        const report = await vscode.commands.executeCommand<PruneReport>('layerscope.prune.danglingImages');
        assert.match(asked.confirms[0].detail, new RegExp(first.slice(7, 19)));
        assert.doesNotMatch(asked.confirms[0].detail, new RegExp(second.slice(7, 19)));
        assert.doesNotMatch(asked.confirms[0].detail, new RegExp(used.slice(7, 19)), 'an image a container uses is not offered');
        assert.ok(await imageExists(used));
        assert.match(asked.confirms[0].detail, /^\d+ items?, [\d.]+ (B|kB|MB) to reclaim:/);
        assert.strictEqual(await imageExists(first), false, 'the previewed dangling image is gone');
        assert.ok(await imageExists(second), 'the image that became dangling after the preview survived');
        const nowDangling = await engineGet<{ Id: string }[]>(`/images/json?filters=${encodeURIComponent('{"dangling":["true"]}')}`);
        assert.ok(nowDangling.some((d) => d.Id === second), 'and it is dangling');
        assert.ok(report.removed.some((i) => i.id === first));
        assert.ok(!report.removed.some((i) => i.id === second));
        assert.match(asked.infos.join('\n'), /Removed \d+ items?, reclaimed/);
        await api.views.dangling.refresh();
        const shown = (await api.views.dangling.rootNodes())[0].children!.map((n) => (n.ref as { image: { id: string } }).image.id);
        assert.ok(shown.includes(second) && !shown.includes(first), 'the Dangling view shows the survivor');
      } finally {
        await removeQuietly('container', user);
        await removeQuietly('image', name, second, usedName, used);
      }
    });

    it('prunes stopped containers, unused volumes and build cache after showing them; cancelling removes nothing', async () => {
      const cid = await createContainer(`${prefix}-stopped`, 'layerscope-fixture/multi:1', 'true');
      await docker(['volume', 'create', `${prefix}-vol`]);
      let asked = answer({ confirm: async () => undefined });
      assert.strictEqual(await vscode.commands.executeCommand('layerscope.prune.stoppedContainers'), undefined);
      assert.match(asked.confirms[0].detail, new RegExp(`${prefix}-stopped`));
      assert.ok(await inspectContainer(cid), 'cancelled: still there');
      restore.splice(0).forEach((d) => d.dispose());

      asked = answer({ confirm: async (_m, _d, b) => b[0] });
      const report = await vscode.commands.executeCommand<PruneReport>('layerscope.prune.stoppedContainers');
      assert.ok(report.removed.some((i) => i.id === cid));
      await assert.rejects(inspectContainer(cid));
      assert.strictEqual((await inspectContainer(RUNNING)).State.Status, 'running', 'running containers stay');

      const volumes = await vscode.commands.executeCommand<PruneReport>('layerscope.prune.unusedVolumes');
      assert.ok(volumes.removed.some((i) => i.id === `${prefix}-vol`));
      assert.match(asked.confirms.at(-1)!.detail, new RegExp(`${prefix}-vol`));

      const cache = await vscode.commands.executeCommand<PruneReport>('layerscope.prune.buildCache');
      assert.strictEqual(cache.failed.length, 0);
      const system = await vscode.commands.executeCommand<PruneReport>('layerscope.prune.system');
      assert.strictEqual(system.failed.length, 0, JSON.stringify(system.failed));
    });
  });

  describe('engine state and switching', () => {
    it('empties every view with the actionable message when its daemon stops, and restores them by itself', async function () {
      this.timeout(240_000);
      // The foundation's restart daemon (its own, so the suite's daemon stays up), reached through
      // layerscope.host; concurrent runs on this machine take turns.
      const lock = await holdLock('layerscope-it-restart-test');
      const daemon = new Daemon('it-restart', repo);
      const settings = vscode.workspace.getConfiguration('layerscope');
      const trees = [api.views.images, api.views.dangling, api.views.containers, api.views.diskUsage];
      const tiny = 'layerscope-test/tiny:1';
      const showsTiny = () => flatten([...api.views.images.shownRoots]).some(isTag(tiny));
      try {
        await daemon.ctl('start');
        if (!(await daemon.tags()).includes(tiny)) await daemon.buildTinyImage(tiny);
        await settings.update('host', daemon.host, vscode.ConfigurationTarget.Global);
        await waitUntil(`the views to show ${daemon.host}`, async () => api.ctx.state === 'ready' && (await api.views.images.rootNodes()) && showsTiny(), 20_000, 100);
        await daemon.ctl('stop');
        await waitUntil('the engine to be unreachable', () => api.ctx.state === 'unreachable', 10_000);
        for (const t of trees) {
          assert.deepStrictEqual(await t.getChildren(), [], `${t.viewId} is empty`);
          // No view message (it would hide the welcome content's buttons); the title says why.
          assert.strictEqual(t.view.message, undefined, `${t.viewId}: no message over the welcome buttons`);
          assert.match(t.view.description ?? '', /^not reachable · /, `${t.viewId} says why`);
          assert.match(api.ctx.error, /not reachable/i);
        }
        await daemon.ctl('start');
        // No refresh from here: the views must come back by themselves.
        await waitUntil('every view to come back', () => api.ctx.state === 'ready' && showsTiny() && trees.every((t) => !t.view.message)
          && api.views.dangling.shownRoots.length > 0 && api.views.diskUsage.shownRoots.length > 0, 30_000, 100);
      } finally {
        await settings.update('host', undefined, vscode.ConfigurationTarget.Global);
        await daemon.ctl('stop').catch(() => undefined);
        lock.release();
      }
      await waitUntil('the suite daemon again', async () => api.ctx.state === 'ready'
        && flatten(await api.views.images.rootNodes()).some(isTag('layerscope-fixture/base:1')), 30_000, 100);
    });

    it('lists the docker contexts, DOCKER_HOST and the configured host, and switches to a context through layerscope.context', async () => {
      // A docker CLI config with one context pointing at the test daemon (the extension host shares our process.env).
      const configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lsx-docker-config-'));
      // The docker CLI keeps each context under the SHA-256 of its name.
      const meta = path.join(configDir, 'contexts', 'meta', createHash('sha256').update('lsx-test').digest('hex'));
      fs.mkdirSync(meta, { recursive: true });
      fs.writeFileSync(path.join(meta, 'meta.json'), JSON.stringify({ Name: 'lsx-test', Metadata: {}, Endpoints: { docker: { Host: process.env.DOCKER_HOST, SkipTLSVerify: false } } }));
      const previousConfig = process.env.DOCKER_CONFIG;
      process.env.DOCKER_CONFIG = configDir;
      const asked = answer({ pick: async (items) => items.find((i) => i.label.endsWith('lsx-test')) });
      try {
        const changed = new Promise<void>((resolve) => { const d = api.ctx.onDidChangeEngine(() => { d.dispose(); resolve(); }); });
        assert.strictEqual(await vscode.commands.executeCommand('layerscope.switchEngine'), 'context:lsx-test');
        await changed;
        const labels = asked.picks[0].items.map((i) => `${i.label} | ${i.description}`);
        assert.ok(labels.some((l) => l.startsWith('Automatic')), labels.join('\n'));
        assert.ok(labels.some((l) => l.endsWith('| DOCKER_HOST')), labels.join('\n'));
        assert.ok(labels.some((l) => /lsx-test \| docker context · unix:\/\//.test(l)), labels.join('\n'));
        assert.equal(vscode.workspace.getConfiguration('layerscope').inspect('context')?.globalValue, 'lsx-test');
        assert.deepEqual(api.ctx.engine.info, { endpoint: process.env.DOCKER_HOST, source: 'context', contextName: 'lsx-test' });
        await waitUntil('the engine to be ready again', () => api.ctx.state === 'ready', 15_000);
        await api.views.images.refresh();
        assert.ok(flatten(await api.views.images.rootNodes()).some(isTag('layerscope-fixture/base:1')));
        assert.ok(api.views.images.view.description?.includes(process.env.DOCKER_HOST!));
        // The chosen context is marked next time; picking a host then replaces the context choice.
        restore.splice(0).forEach((d) => d.dispose());
        const again = answer({ pick: async (items) => items.find((i) => i.description === 'DOCKER_HOST') });
        const hostChanged = new Promise<void>((resolve) => { const d = api.ctx.onDidChangeEngine(() => { d.dispose(); resolve(); }); });
        assert.strictEqual(await vscode.commands.executeCommand('layerscope.switchEngine'), process.env.DOCKER_HOST);
        assert.ok(again.picks[0].items.some((i) => i.label === '$(check) lsx-test'), again.picks[0].items.map((i) => i.label).join(' | '));
        await hostChanged;
        assert.equal(vscode.workspace.getConfiguration('layerscope').inspect('context')?.globalValue, undefined);
        await waitUntil('the host setting to take over', () => api.ctx.engine.info.source === 'setting', 15_000);
        restore.splice(0).forEach((d) => d.dispose());
        const third = answer({ pick: async () => undefined });
        await vscode.commands.executeCommand('layerscope.switchEngine');
        assert.ok(third.picks[0].items.some((i) => i.description === 'the layerscope.host setting'));
      } finally {
        if (previousConfig === undefined) delete process.env.DOCKER_CONFIG;
        else process.env.DOCKER_CONFIG = previousConfig;
        fs.rmSync(configDir, { recursive: true, force: true });
        await vscode.workspace.getConfiguration('layerscope').update('context', undefined, vscode.ConfigurationTarget.Global);
        await vscode.workspace.getConfiguration('layerscope').update('host', undefined, vscode.ConfigurationTarget.Global);
        await waitUntil('the automatic engine again', () => api.ctx.engine.info.source === 'env' && api.ctx.state === 'ready', 15_000);
      }
    });
  });
});
