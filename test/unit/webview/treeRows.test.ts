// The Layers panel's file tree protocol, host side: what analysisDone carries, and the windows of
// rows the host answers to treeQuery (layers, filter, expansion, parents, bounds, sequence numbers).
import * as assert from 'node:assert/strict';
import { analyzeImage, type ImageAnalysis } from '../../../src/analysis';
import type { TreeQuery, TreeRow } from '../../../src/webview/protocol';
import { analysisSummary, maxWindowRows, summaryTableLimit, TreeRowsSource } from '../../../src/webview/treeRows';
import { buildImageArchive, chunked, dir, file, hardlink, opaque, padBlock, paxRecord, rawHeader, symlink, whiteout, type TestEntry } from '../analysis/imageArchive';

async function analyze(layers: (TestEntry[] | { entries: TestEntry[]; raw: Buffer })[]): Promise<ImageAnalysis> {
  return analyzeImage(chunked((await buildImageArchive({ layers: layers.map((l) => (Array.isArray(l) ? { entries: l } : l)) })).archive));
}

/** One row as text: path, mark, size, link target. */
const line = (r: TreeRow): string => `${r.path} ${r.change ?? '='} ${r.size}${r.linkTarget !== undefined ? ` → ${r.linkTarget}` : ''}`;

function query(over: Partial<TreeQuery>): TreeQuery {
  return {
    seq: 1, layer: 1, base: 0, text: '', kinds: ['added', 'modified', 'removed', 'unchanged'], sort: 'name',
    opened: [], closed: [], start: 0, end: 50, ...over,
  };
}

describe('webview: file tree rows from the host', () => {
  let a: ImageAnalysis;
  before(async () => {
    a = await analyze([
      [dir('etc'), file('etc/a', 10), file('etc/b', 20), dir('many'), ...Array.from({ length: 700 }, (_, i) => file(`many/f${String(i).padStart(4, '0')}`, 1))],
      [dir('etc'), whiteout('etc/a'), file('etc/c', 3), file('new', 7)],
    ]);
  });

  it('analysisDone carries no change lists, and says how many inefficiencies there are', () => {
    const summary = analysisSummary(a);
    assert.equal(summary.layers.length, 2);
    assert.ok(summary.layers.every((l) => !('changes' in l)));
    assert.ok(a.layers[0].changes.length > 700, 'the host keeps them');
    assert.equal(summary.layers[1].added, a.layers[1].added);
    assert.equal(summary.inefficiencyCount, a.inefficiencies.length);
    assert.ok(summary.inefficiencies.length <= summaryTableLimit);
    assert.ok(JSON.stringify(summary).length < JSON.stringify(a).length / 5);
  });

  it('answers the top level first, folders closed, with counts of the whole tree', () => {
    const source = new TreeRowsSource(a);
    const answer = source.answer(query({ seq: 7 }));
    assert.equal(answer.seq, 7);
    assert.deepEqual(answer.rows.map((r) => `${r.path} ${r.change ?? '='} ${r.size} ${r.expandable ? (r.expanded ? 'open' : 'closed') : ''}`), [
      'etc = 23 closed', 'many = 700 closed', 'new added 7 ',
    ]);
    assert.equal(answer.total, 3);
    assert.deepEqual(answer.counts, { added: 2, modified: 0, removed: 1, unchanged: 703 });
  });

  it('opens what the person opened, and gives each row its parent row', () => {
    const answer = new TreeRowsSource(a).answer(query({ opened: ['etc'] }));
    assert.deepEqual(answer.rows.map((r) => [r.path, r.change ?? '', r.depth, r.parent]), [
      ['etc', '', 0, -1], ['etc/a', 'removed', 1, 0], ['etc/b', '', 1, 0], ['etc/c', 'added', 1, 0], ['many', '', 0, -1], ['new', 'added', 0, -1],
    ]);
  });

  it('a filter keeps the matches and their folders (open), and only the kinds asked for', () => {
    const source = new TreeRowsSource(a);
    assert.deepEqual(source.answer(query({ text: 'F069' })).rows.map((r) => r.path), ['many', 'many/f0690', 'many/f0691', 'many/f0692', 'many/f0693', 'many/f0694', 'many/f0695', 'many/f0696', 'many/f0697', 'many/f0698', 'many/f0699']);
    assert.deepEqual(source.answer(query({ kinds: ['removed'] })).rows.map((r) => r.path), ['etc', 'etc/a']);
    assert.equal(source.answer(query({ text: 'nothing-matches' })).total, 0);
  });

  it('a window far down a long folder: bounded, with its parent found above the window', () => {
    const source = new TreeRowsSource(a);
    const answer = source.answer(query({ opened: ['many'], start: 600, end: 10_000 }));
    assert.equal(answer.total, 3 + 700);
    assert.equal(answer.start, 600);
    assert.equal(answer.rows.length, 703 - 600);
    assert.equal(answer.rows[0].path, 'many/f0598');
    assert.ok(answer.rows.slice(0, -1).every((r) => r.parent === 1), 'every file of many/ points at its row');
    assert.equal(answer.rows.at(-1)!.path, 'new');
    assert.equal(answer.rows.at(-1)!.parent, -1);
    assert.equal(source.answer(query({ opened: ['many'], start: 0, end: 100_000 })).rows.length, maxWindowRows);
  });

  it('another layer or the aggregated base is another tree; a bad layer is an error', () => {
    const source = new TreeRowsSource(a);
    assert.deepEqual(source.answer(query({ layer: 0, base: -1 })).rows.map((r) => `${r.path} ${r.change}`), ['etc added', 'many added']);
    assert.deepEqual(source.answer(query({ sort: 'size' })).rows.map((r) => r.path), ['many', 'etc', 'new']);
    assert.throws(() => source.answer(query({ layer: 2 })), RangeError);
  });

  it('prepare() builds the first view ahead; the answers are the same, for it and for any other view', () => {
    const prepared = new TreeRowsSource(a);
    prepared.prepare();
    const first = query({ kinds: ['removed', 'added', 'modified'], seq: 3 });
    assert.deepEqual(prepared.answer(first), new TreeRowsSource(a).answer(first));
    assert.deepEqual(prepared.answer(first).rows.map((r) => r.path), ['etc', 'etc/a', 'etc/c', 'new']);
    assert.deepEqual(prepared.answer(query({ layer: 0, base: -1 })), new TreeRowsSource(a).answer(query({ layer: 0, base: -1 })));
  });

  it('a folder opened under a filter the person closed stays closed; sort by size inside an open folder', () => {
    const source = new TreeRowsSource(a);
    assert.deepEqual(source.answer(query({ text: 'f069', closed: ['many'] })).rows.map((r) => `${r.path} ${r.expanded}`), ['many false']);
    const bySize = source.answer(query({ sort: 'size', opened: ['etc'] })).rows.map((r) => r.path);
    assert.deepEqual(bySize.slice(0, 5), ['many', 'etc', 'etc/b', 'etc/a', 'etc/c']);
  });
});

describe('webview: file tree rows, the numbers that were wrong once', () => {
  it('hard links: shown as links, bytes counted once; when the target goes, the first surviving link carries them', async () => {
    const b = await analyze([
      [dir('bin'), file('bin/busybox', 1000, 0o755), hardlink('bin/sh', 'bin/busybox'), hardlink('bin/ls', 'bin/busybox'), file('orig', 40), hardlink('z-link', 'orig'), hardlink('a-link', 'orig')],
      [whiteout('orig')],
    ]);
    const source = new TreeRowsSource(b);
    assert.deepEqual(source.answer(query({ layer: 0, base: -1, opened: ['bin'] })).rows.map(line), [
      'a-link added 0 → orig', 'bin added 1000', 'bin/busybox added 1000', 'bin/ls added 0 → bin/busybox', 'bin/sh added 0 → bin/busybox',
      'orig added 40', 'z-link added 0 → orig',
    ]);
    assert.deepEqual(source.answer(query({ layer: 1, base: 0 })).rows.map(line), [
      'a-link = 40 → orig', 'bin = 1000', 'orig removed 40', 'z-link = 0 → orig',
    ]);
  });

  it('names that are not UTF-8 are distinct rows, shown escaped; a filter matches the escaped text', async () => {
    const entry = (name: Buffer, size: number): Buffer => Buffer.concat([rawHeader({ name, type: '0', size }), padBlock(Buffer.alloc(size, 0x61))]);
    const raw = Buffer.concat([entry(Buffer.from('caf\xe9', 'latin1'), 5), entry(Buffer.from('caf\xe8', 'latin1'), 6), entry(Buffer.from('café'), 7), Buffer.alloc(1024)]);
    const b = await analyze([{ entries: [], raw }]);
    const source = new TreeRowsSource(b);
    assert.deepEqual(source.answer(query({ layer: 0, base: -1 })).rows.map(line), ['caf\\xe8 added 6', 'caf\\xe9 added 5', 'café added 7']);
    assert.deepEqual(source.answer(query({ layer: 0, base: -1, text: '\\XE9' })).rows.map((r) => r.path), ['caf\\xe9']);
    assert.deepEqual(source.answer(query({ layer: 0, base: -1, text: 'É' })).rows.map((r) => r.path), ['café']);
  });

  it('an opaque dir: what the layers below had there is removed, the layer\'s own entries added', async () => {
    const b = await analyze([
      [dir('app'), file('app/old', 10), dir('app/sub'), file('app/sub/x', 1)],
      [dir('app'), opaque('app'), file('app/new', 3), symlink('app/link', 'new')],
    ]);
    assert.deepEqual(new TreeRowsSource(b).answer(query({ opened: ['app', 'app/sub'] })).rows.map(line), [
      'app modified 3', 'app/link added 0 → new', 'app/new added 3', 'app/old removed 10', 'app/sub removed 0', 'app/sub/x removed 1',
    ]);
  });

  it('a sparse file counts its apparent size', async () => {
    const pax = Buffer.from(paxRecord('GNU.sparse.major', '1') + paxRecord('GNU.sparse.minor', '0')
      + paxRecord('GNU.sparse.name', 'disk.img') + paxRecord('GNU.sparse.realsize', '1000000'));
    const map = padBlock(Buffer.from('1\n0\n4\n'));
    const raw = Buffer.concat([
      rawHeader({ name: 'PaxHeaders/x', type: 'x', size: pax.length }), padBlock(pax),
      rawHeader({ name: 'GNUSparseFile.0/disk.img', type: '0', size: map.length + 512 }), map, padBlock(Buffer.alloc(4, 1)),
      Buffer.alloc(1024),
    ]);
    const b = await analyze([{ entries: [], raw }]);
    assert.deepEqual(new TreeRowsSource(b).answer(query({ layer: 0, base: -1 })).rows.map(line), ['disk.img added 1000000']);
  });

  it('a result that came through JSON (no change tables) answers the same, and the tables never travel', async () => {
    const b = await analyze([[dir('etc'), file('etc/a', 10), file('etc/café', 2), hardlink('l', 'etc/a')], [whiteout('etc/a'), file('n', 1)]]);
    const cloned = JSON.parse(JSON.stringify(b)) as ImageAnalysis;
    assert.ok(!JSON.stringify(b.layers[0]).includes('table'));
    assert.ok(Object.getOwnPropertySymbols(structuredClone(b.layers[0])).length === 0);
    for (const q of [query({ opened: ['etc'] }), query({ layer: 0, base: -1, text: 'é' }), query({ sort: 'size', kinds: ['removed', 'added'] })]) {
      assert.deepEqual(new TreeRowsSource(cloned).answer(q), new TreeRowsSource(b).answer(q));
    }
    // A change list replaced by hand is what the rows show (the table behind it is dropped).
    b.layers[1].changes = b.layers[1].changes.filter((c) => c.path !== 'n');
    assert.deepEqual(new TreeRowsSource(b).answer(query({})).rows.map(line), ['etc = 2', 'l = 10 → etc/a']);
  });
});
