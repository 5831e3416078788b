// The host's file tree rows (TreeRowsSource over the typed change tables) against the reference
// model they replaced: filesystemAt's TreeNode tree walked by ./treeOracle.ts. Random layer
// stacks (files, dirs, symlinks, hard links, whiteouts, opaque dirs, dirs replaced by files, names
// that are not UTF-8) and random queries (layer, base, text, kinds, sort, expansion, window).
import * as assert from 'node:assert/strict';
import { filesystemAt, type ImageAnalysis } from '../../../src/analysis/browser';
import { replayEntries, type LayerEntry } from '../../../src/analysis/replay';
import type { TreeQuery, TreeRow, TreeRows } from '../../../src/webview/protocol';
import { TreeRowsSource } from '../../../src/webview/treeRows';
import { Expansion, allChangeFilters, type ChangeFilter } from '../../../webview-ui/lib/tree';
import { changeCounts, keptNodes, parentRow, visibleRows } from './treeOracle';

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Raw names: 'caf\xe9' is not UTF-8 (shown escaped), 'caf\xc3\xa9' is 'café'.
const names = ['a', 'b', 'B', 'c', 'lib', 'caf\xe9', 'caf\xc3\xa9', 'x.txt'];

function randomStack(next: () => number): LayerEntry[][] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const path = (): string => Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(names)).join('/');
  const entry = (over: Partial<LayerEntry> & { path: string }): LayerEntry =>
    ({ change: 'added', kind: 'file', size: 0, mode: 0o644, uid: 0, gid: 0, ...over });
  const layers: LayerEntry[][] = [];
  const count = 1 + Math.floor(next() * 4);
  for (let l = 0; l < count; l++) {
    const entries: LayerEntry[] = [];
    const files: string[] = [];
    for (let i = Math.floor(next() * 12); i >= 0; i--) {
      const p = path();
      const r = next();
      if (r < 0.35) { entries.push(entry({ path: p, size: Math.floor(next() * 100) })); files.push(p); }
      else if (r < 0.5) entries.push(entry({ path: p, kind: 'dir', mode: pick([0o755, 0o700]) }));
      else if (r < 0.57) entries.push(entry({ path: p, kind: 'symlink', linkTarget: pick(names), mode: 0o777 }));
      else if (r < 0.72) entries.push(entry({ path: p, kind: 'hardlink', linkTarget: files.length && next() < 0.8 ? pick(files) : path() }));
      else if (r < 0.88) entries.push(entry({ path: p, kind: 'other', marker: 'whiteout' }));
      else if (r < 0.95) entries.push(entry({ path: p, kind: 'other', marker: 'opaque' }));
      else { entries.push(entry({ path: p, size: 1000, storedSize: 10 })); files.push(p); }
    }
    layers.push(entries);
  }
  return layers;
}

/** The reference: the answer the panel gave before the typed tables (filesystemAt + treeOracle). */
function referenceAnswer(analysis: ImageAnalysis, query: TreeQuery): TreeRows {
  const root = filesystemAt(analysis, query.layer, query.base);
  const filter = { text: query.text, kinds: new Set<ChangeFilter>(query.kinds) };
  const all = visibleRows(root, filter, query.sort, Expansion.from(query), keptNodes(root, filter));
  const start = Math.max(0, Math.min(query.start, all.length));
  const end = Math.max(start, Math.min(query.end, all.length, start + 500));
  const rows: TreeRow[] = [];
  for (let i = start; i < end; i++) {
    const { node } = all[i];
    const row: TreeRow = {
      name: node.name, path: node.path, kind: node.kind, size: node.size,
      depth: all[i].depth, expandable: all[i].expandable, expanded: all[i].expanded, parent: parentRow(all, i),
    };
    if (node.change) row.change = node.change;
    if (node.linkTarget !== undefined) row.linkTarget = node.linkTarget;
    rows.push(row);
  }
  return { seq: query.seq, total: all.length, counts: changeCounts(root), start, rows };
}

function randomQuery(next: () => number, analysis: ImageAnalysis, seq: number): TreeQuery {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const layer = Math.floor(next() * analysis.layers.length);
  const dirs: string[] = [];
  const visit = (node: ReturnType<typeof filesystemAt>) => {
    for (const c of node.children ?? []) if (c.children) { dirs.push(c.path); visit(c); }
  };
  visit(filesystemAt(analysis, layer, layer - 1));
  const some = () => dirs.filter(() => next() < 0.4);
  const start = next() < 0.5 ? 0 : Math.floor(next() * 30);
  return {
    seq, layer, base: pick([-1, 0, layer - 1, Math.floor(next() * (layer + 1)) - 1]),
    text: pick(['', '', 'a', 'A/', 'b/c', '\\x', 'é', 'caf', ' lib ', 'zzz', 'x.']),
    kinds: next() < 0.5 ? [...allChangeFilters] : allChangeFilters.filter(() => next() < 0.6),
    sort: pick(['name', 'size'] as const), opened: some(), closed: next() < 0.3 ? some() : [],
    start, end: start + Math.floor(next() * 40),
  };
}

/** Runs `stacks` random stacks with `queries` random queries each; the first difference fails with its seed. */
function checkEquivalence(stacks: number, queries: number, firstSeed = 1): void {
  for (let seed = firstSeed; seed < firstSeed + stacks; seed++) {
    const next = random(seed);
    const replay = replayEntries(randomStack(next));
    const analysis = { layers: replay.layers } as unknown as ImageAnalysis;
    const source = new TreeRowsSource(analysis);
    // The same result after JSON (no tables: they are rebuilt from the change lists).
    const cloned = { layers: replay.layers.map((l) => ({ changes: JSON.parse(JSON.stringify(l.changes)) })) } as unknown as ImageAnalysis;
    const fromJson = new TreeRowsSource(cloned);
    for (let q = 0; q < queries; q++) {
      const query = randomQuery(next, analysis, q);
      const expected = referenceAnswer(analysis, query);
      assert.deepEqual(source.answer(query), expected, `seed ${seed}, query ${JSON.stringify(query)}`);
      assert.deepEqual(fromJson.answer(query), expected, `seed ${seed} through JSON, query ${JSON.stringify(query)}`);
    }
  }
}

// A longer run: LAYERSCOPE_TREE_STACKS=20000 npx mocha --timeout 0 test/unit/webview/treeRowsEquivalence.test.ts
const stacks = Number(process.env.LAYERSCOPE_TREE_STACKS ?? 150);

describe('webview: file tree rows equal the reference model on random layer stacks', () => {
  it(`${stacks} stacks × 6 queries, from the tables and through JSON`, function () {
    // A longer run asked for by the variable takes its time.
    this.timeout(process.env.LAYERSCOPE_TREE_STACKS ? 0 : 120_000);
    checkEquivalence(stacks, 6);
  });
});
