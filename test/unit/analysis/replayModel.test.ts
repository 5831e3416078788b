// Property test: the replay (a tree with caches, in-place records) agrees with a plain reference
// model (a flat map of paths, rebuilt naively) on random layer stacks: added/modified/removed sets
// per layer, stored, visible and wasted bytes.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { replayEntries, type LayerEntry } from '../../../src/analysis/replay';
import type { EntryKind } from '../../../src/analysis/types';

interface RefNode { id: number; kind: EntryKind; mode: number; content: number }
const dirMode = 0o755;

/** The reference: every path in one Map; descendants found by prefix. */
function reference(layers: LayerEntry[][]): { sets: Record<'added' | 'modified' | 'removed', string[]>[]; stored: number; visible: number } {
  let fs = new Map<string, RefNode>();
  let nextId = 1;
  const sizes: number[] = [];
  const sets: Record<'added' | 'modified' | 'removed', string[]>[] = [];
  const removeTree = (path: string): void => {
    for (const p of [...fs.keys()]) if (p === path || p.startsWith(`${path}/`)) fs.delete(p);
  };
  for (const entries of layers) {
    const before = new Map(fs);
    const touched = new Set<string>();
    for (const e of entries) {
      if (e.marker === 'whiteout' && e.path !== '' && fs.has(e.path)) removeTree(e.path);
      if (e.marker === 'opaque') {
        const dir = e.path === '' ? undefined : fs.get(e.path);
        if (e.path !== '' && dir?.kind !== 'dir') continue;
        for (const p of [...fs.keys()]) if (e.path === '' || p.startsWith(`${e.path}/`)) fs.delete(p);
        if (e.path !== '') touched.add(e.path);
      }
    }
    for (const e of entries) {
      if (e.marker || e.path === '') continue;
      const parts = e.path.split('/');
      for (let i = 1; i < parts.length; i++) {
        const a = parts.slice(0, i).join('/');
        const node = fs.get(a);
        if (node?.kind === 'dir') continue;
        if (node) fs.delete(a);
        fs.set(a, { id: nextId++, kind: 'dir', mode: dirMode, content: -1 });
      }
      const existing = fs.get(e.path);
      if (e.kind === 'dir' && existing?.kind === 'dir') {
        if (existing.mode !== e.mode) touched.add(e.path);
        existing.mode = e.mode;
        continue;
      }
      let content = -1;
      if (e.kind === 'file') { content = sizes.length; sizes.push(e.size); }
      if (e.kind === 'hardlink') {
        const target = fs.get(e.linkTarget!);
        if (target && target !== existing && target.content >= 0) content = target.content;
      }
      if (existing) removeTree(e.path);
      fs.set(e.path, { id: nextId++, kind: e.kind, mode: e.mode, content });
    }
    const added: string[] = []; const modified: string[] = []; const removed: string[] = [];
    for (const [p, node] of fs) {
      const old = before.get(p);
      if (!old) added.push(p);
      else if (old.id !== node.id || touched.has(p)) modified.push(p);
    }
    for (const p of before.keys()) if (!fs.has(p)) removed.push(p);
    sets.push({ added: added.sort(), modified: modified.sort(), removed: removed.sort() });
    fs = new Map([...fs].map(([p, n]) => [p, { ...n }]));
  }
  const visible = new Set<number>();
  for (const node of fs.values()) if (node.content >= 0) visible.add(node.content);
  return { sets, stored: sizes.reduce((a, b) => a + b, 0), visible: [...visible].reduce((a, i) => a + sizes[i], 0) };
}

const pathArb = fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 3 }).map((parts) => parts.join('/'));
const entryArb: fc.Arbitrary<LayerEntry> = fc.oneof(
  fc.record({ path: pathArb, size: fc.integer({ min: 0, max: 100 }) }).map(({ path, size }) => ({ path, change: 'added' as const, kind: 'file' as const, size, mode: 0o644, uid: 0, gid: 0 })),
  fc.record({ path: pathArb, mode: fc.constantFrom(0o755, 0o700) }).map(({ path, mode }) => ({ path, change: 'added' as const, kind: 'dir' as const, size: 0, mode, uid: 0, gid: 0 })),
  pathArb.map((path) => ({ path, change: 'added' as const, kind: 'symlink' as const, size: 0, mode: 0o777, uid: 0, gid: 0, linkTarget: 'a' })),
  fc.record({ path: pathArb, target: pathArb }).map(({ path, target }) => ({ path, change: 'added' as const, kind: 'hardlink' as const, size: 0, mode: 0o644, uid: 0, gid: 0, linkTarget: target })),
  pathArb.map((path) => ({ path, change: 'added' as const, kind: 'other' as const, size: 0, mode: 0, uid: 0, gid: 0, marker: 'whiteout' as const })),
  fc.oneof(pathArb, fc.constant('')).map((path) => ({ path, change: 'added' as const, kind: 'other' as const, size: 0, mode: 0, uid: 0, gid: 0, marker: 'opaque' as const })),
);

describe('analysis: replay agrees with a reference model', function () {
  this.timeout(120_000); // 3,000 random stacks: seconds on a loaded machine
  it('on random layer stacks (whiteouts, opaque dirs, kind changes, hard links, repeats)', () => {
    fc.assert(fc.property(fc.array(fc.array(entryArb, { maxLength: 8 }), { minLength: 1, maxLength: 5 }), (layers) => {
      const expected = reference(layers.map((l) => l.map((e) => ({ ...e }))));
      const actual = replayEntries(layers.map((l) => l.map((e) => ({ ...e }))));
      actual.layers.forEach((layer, i) => {
        const sets = { added: [] as string[], modified: [] as string[], removed: [] as string[] };
        for (const c of layer.changes) sets[c.change].push(c.path);
        for (const k of ['added', 'modified', 'removed'] as const) {
          sets[k].sort();
          assert.equal(new Set(sets[k]).size, sets[k].length, `layer ${i}: ${k} lists a path twice`);
        }
        assert.deepEqual(sets, expected.sets[i], `layer ${i}`);
        assert.deepEqual([layer.added, layer.modified, layer.removed], [sets.added.length, sets.modified.length, sets.removed.length]);
      });
      assert.equal(actual.sizeBytes, expected.stored);
      assert.equal(actual.finalBytes, expected.visible);
      assert.equal(actual.wastedBytes, expected.stored - expected.visible);
      assert.equal(actual.layers.reduce((s, l) => s + l.wastedBytes, 0), actual.wastedBytes);
      assert.equal(actual.inefficiencies.reduce((s, l) => s + l.wastedBytes, 0), actual.wastedBytes);
    }), { numRuns: 3000 });
  });
});
