// The Dangling view's build-cache group and "Prune build cache" with real records: the shared fixtures
// are built with the legacy builder (no build cache), so these tests make their own with BuildKit.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { LayerscopeApi } from '../../src/extension';
import type { DanglingRef } from '../../src/model/dangling';
import { formatBytes } from '../../src/model/format';
import type { PruneReport } from '../../src/model/prune';
import { buildWithBuildKit } from '../rig/buildkit';
import { scripted } from './explorerSupport';
import { engineGet, engineRequest, suiteDaemon } from './support/engine';
import { waitUntil } from './support/wait';

interface RawRecord { ID: string; Parent?: string; Parents?: string[]; Type: string; Size: number; InUse: boolean; Shared: boolean }

/** The daemon's build cache records. dockerd runs one /system/df at a time and refuses a second
 * ("a disk usage operation is already running"), e.g. while the extension refreshes: retry those. */
async function records(): Promise<RawRecord[]> {
  for (let attempt = 0; ; attempt++) {
    try {
      return (await engineGet<{ BuildCache: RawRecord[] | null }>('/system/df')).BuildCache ?? [];
    } catch (e) {
      if (attempt >= 50 || !/already running/.test(String(e))) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
const prefix = `lsx-bk-${process.pid}`;

describe('build cache (BuildKit records)', function () {
  this.timeout(180_000);
  let api: LayerscopeApi;
  const made = new Set<string>();
  const tags: string[] = [];
  const restore: vscode.Disposable[] = [];

  /** A BuildKit build; remembers the records and the tag it made, for cleaning up. */
  async function build(n: number): Promise<string[]> {
    const before = new Set((await records()).map((r) => r.ID));
    const tag = `${prefix}/cache:${n}`;
    await buildWithBuildKit(suiteDaemon().host, tag, `it-${process.pid}-${n}-${Date.now()}`);
    tags.push(tag);
    const fresh = (await records()).map((r) => r.ID).filter((id) => !before.has(id));
    fresh.forEach((id) => made.add(id));
    return fresh;
  }

  before(async () => {
    const ext = vscode.extensions.getExtension<LayerscopeApi>('layerscope.layerscope')!;
    api = await ext.activate();
    await api.explorer(); // the explorer's code loads on first use
    await waitUntil('the engine to be ready', () => api.ctx.state === 'ready', 30_000);
  });

  afterEach(() => { for (const d of restore.splice(0)) d.dispose(); });

  after(async () => {
    for (const tag of tags) await engineRequest('DELETE', `/images/${encodeURIComponent(tag)}?force=1`).catch(() => undefined);
    // Children first, one ID per request (never an empty filter: that would prune everything).
    for (let round = 0; round < 5; round++) {
      const left = (await records()).filter((r) => made.has(r.ID));
      if (!left.length) break;
      for (const r of left) {
        await engineRequest('POST', `/build/prune?filters=${encodeURIComponent(JSON.stringify({ id: [r.ID] }))}`).catch(() => undefined);
      }
    }
    await api.views.refreshAll();
  });

  it('the Dangling view lists build cache records from a BuildKit build with their sizes', async () => {
    const fresh = await build(1);
    assert.ok(fresh.length >= 2, `a BuildKit build makes build cache records (new: ${fresh.join(', ') || 'none'})`);
    await api.views.dangling.refresh();
    await api.views.dangling.diskUsagePhase;
    const cacheGroup = (await api.views.dangling.rootNodes())[2];
    assert.strictEqual(cacheGroup.item.label, 'Build cache');
    const all = await records();
    const reclaimable = all.filter((r) => !r.InUse && !r.Shared).reduce((s, r) => s + r.Size, 0);
    assert.strictEqual(cacheGroup.item.description, `${all.length} record${all.length === 1 ? '' : 's'}, ${formatBytes(reclaimable)} reclaimable`);
    for (const id of fresh) {
      const r = all.find((x) => x.ID === id)!;
      const node = cacheGroup.children!.find((n) => (n.ref as Extract<DanglingRef, { kind: 'buildCache' }>).record.id === id);
      assert.ok(node, `record ${id} is listed`);
      assert.ok(node.item.description!.startsWith(`${formatBytes(r.Size)} · ${r.Type}`), node.item.description);
      assert.strictEqual(node.item.contextValue, 'buildCache');
    }
    assert.ok(fresh.some((id) => all.find((x) => x.ID === id)!.Size > 1_000_000), 'the build context (busybox) is counted with its bytes');
  });

  it('Prune build cache previews the reclaimable records, removes only them, and a record made after the preview survives', async () => {
    await build(2);
    let atPreview: RawRecord[] = [];
    let later: string[] = [];
    const s = scripted({
      confirm: async (_m, _detail, buttons) => {
        atPreview = await records();
        later = await build(3); // new records while the question is open: not in the plan
        return buttons[0];
      },
    });
    restore.push(api.ctx.prompter.use(s.prompter));
    const report = await vscode.commands.executeCommand<PruneReport>('layerscope.prune.buildCache');
    // Reclaimable: not in use, not shared with an image, and not the parent of a record that stays
    // (the engine keeps a record while a child remains).
    const reclaimable = new Set(atPreview.filter((r) => !r.InUse && !r.Shared).map((r) => r.ID));
    for (let changed = true; changed;) {
      changed = false;
      for (const r of atPreview) if (!reclaimable.has(r.ID)) for (const p of [...(r.Parents ?? []), r.Parent ?? '']) if (reclaimable.delete(p)) changed = true;
    }
    const planned = atPreview.filter((r) => reclaimable.has(r.ID));
    assert.ok(planned.some((r) => made.has(r.ID)), 'records of this test were reclaimable');
    assert.match(s.asked.confirms[0].detail, new RegExp(`^${planned.length} items?, ${formatBytes(planned.reduce((n, r) => n + r.Size, 0)).replace('.', '\\.')} to reclaim:`));
    assert.deepStrictEqual(report.removed.map((i) => i.id).sort(), planned.map((r) => r.ID).sort(), 'exactly the previewed records');
    assert.deepStrictEqual(report.failed, []);
    const now = await records();
    for (const r of planned) assert.ok(!now.some((x) => x.ID === r.ID), `previewed record ${r.ID} is gone`);
    for (const r of atPreview.filter((x) => !reclaimable.has(x.ID))) assert.ok(now.some((x) => x.ID === r.ID), `record ${r.ID}, not offered, stays`);
    assert.ok(later.length > 0, 'the build during the question made records');
    for (const id of later) assert.ok(now.some((x) => x.ID === id), `record ${id} made after the preview survives`);
    assert.ok(report.reclaimed > 1_000_000, `reclaimed ${report.reclaimed} bytes`);
    assert.match(s.asked.infos.join('\n'), new RegExp(`Prune build cache: Removed ${planned.length} items?, reclaimed ${formatBytes(report.reclaimed).replace('.', '\\.')}`));
    await api.views.dangling.refresh();
    await api.views.dangling.diskUsagePhase;
    const shown = (await api.views.dangling.rootNodes())[2].children!.map((n) => (n.ref as Extract<DanglingRef, { kind: 'buildCache' }>).record.id);
    assert.ok(later.every((id) => shown.includes(id)) && !planned.some((r) => shown.includes(r.ID)), 'the view shows the survivors only');
  });
});
