// The Layers panel's file tree protocol, host side: what analysisDone carries, and the windows of
// rows the host answers to treeQuery (layers, filter, expansion, parents, bounds, sequence numbers).
import * as assert from 'node:assert/strict';
import { analyzeImage, type ImageAnalysis } from '../../../src/analysis';
import type { TreeQuery } from '../../../src/webview/protocol';
import { analysisSummary, maxWindowRows, summaryTableLimit, TreeRowsSource } from '../../../src/webview/treeRows';
import { buildImageArchive, chunked, dir, file, whiteout, type TestEntry } from '../analysis/imageArchive';

async function analyze(layers: TestEntry[][]): Promise<ImageAnalysis> {
  return analyzeImage(chunked((await buildImageArchive({ layers: layers.map((entries) => ({ entries })) })).archive));
}

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
});
