import { strict as assert } from 'node:assert';
import {
  diffIdsFromInspect, historyRows, isMetadataInstruction, sharedLayerFlags, sizeBreakdown, sortRows,
} from '../../../src/model/history';
import type { HistoryEntry } from '../../../src/model/types';

const entry = (createdBy: string, size: number, created = 1000, id = '<missing>'): HistoryEntry =>
  ({ id, created, createdBy, tags: [], size, comment: '' });

// Newest first, as GET /images/{id}/history returns it.
const multiHistory: HistoryEntry[] = [
  entry('/bin/sh -c #(nop)  CMD ["sh"]', 0, 1004, 'sha256:top'),
  entry('/bin/sh -c dd if=/dev/zero of=/big bs=1M count=5 && rm /big', 0, 1003),
  entry('/bin/sh -c #(nop)  ENV A=1', 0, 1002),
  entry('/bin/sh -c ["/bin/busybox", "--install", "-s", "/bin"]', 12_000, 1001),
  entry('/bin/sh -c #(nop) COPY file:abc in /bin/busybox ', 1_000_000, 1000),
];

describe('model/history', () => {
  describe('instructions', () => {
    it('shows CreatedBy in display form, markup left as text', () => {
      const rows = historyRows([entry('<img src=x onerror=alert(1)>', 0), entry('/bin/sh -c #(nop)  ENV A=1', 0)]);
      assert.deepEqual(rows.map((r) => r.createdBy), ['ENV A=1', '<img src=x onerror=alert(1)>']);
      assert.equal(rows[1].createdByRaw, '<img src=x onerror=alert(1)>');
    });
    it('recognises metadata-only instructions', () => {
      assert.equal(isMetadataInstruction('/bin/sh -c #(nop)  LABEL a=b'), true);
      assert.equal(isMetadataInstruction('/bin/sh -c #(nop) WORKDIR /x'), false);
      assert.equal(isMetadataInstruction('/bin/sh -c true'), false);
    });
  });

  describe('historyRows', () => {
    it('orders oldest first and maps zero-byte RUN steps onto the remaining layers', () => {
      const rows = historyRows(multiHistory, ['sha256:l0', 'sha256:l1', 'sha256:l2']);
      assert.deepEqual(rows.map((r) => r.index), [0, 1, 2, 3, 4]);
      assert.deepEqual(rows.map((r) => r.empty), [false, false, true, false, true]);
      assert.deepEqual(rows.map((r) => r.layerIndex), [0, 1, undefined, 2, undefined]);
      assert.deepEqual(rows.map((r) => r.diffId), ['sha256:l0', 'sha256:l1', undefined, 'sha256:l2', undefined]);
      assert.equal(rows[4].id, 'sha256:top');
      assert.equal(rows[1].id, '');
      assert.equal(rows[3].createdBy, 'RUN dd if=/dev/zero of=/big bs=1M count=5 && rm /big');
    });
    it('leaves diff IDs unknown when the counts cannot agree', () => {
      const rows = historyRows(multiHistory, ['a', 'b', 'c', 'd', 'e', 'f']);
      assert.ok(rows.every((r) => r.diffId === undefined));
    });
    it('uses exact empty_layer flags when a deep analysis supplied them', () => {
      // Oldest first: COPY, RUN install, ENV, RUN dd (say it was empty), CMD.
      const rows = historyRows(multiHistory, ['x', 'y'], [false, false, true, true, true]);
      assert.deepEqual(rows.map((r) => r.layerIndex), [0, 1, undefined, undefined, undefined]);
      assert.deepEqual(rows.map((r) => r.diffId), ['x', 'y', undefined, undefined, undefined]);
    });
  });

  describe('sortRows', () => {
    const rows = historyRows(multiHistory, ['a', 'b', 'c']);
    it('sorts newest or oldest first', () => {
      assert.deepEqual(sortRows(rows, 'order', true).map((r) => r.index), [4, 3, 2, 1, 0]);
      assert.deepEqual(sortRows(rows, 'order', false).map((r) => r.index), [0, 1, 2, 3, 4]);
    });
    it('sorts by size, largest first, ties in the chosen order', () => {
      assert.deepEqual(sortRows(rows, 'size', true).map((r) => r.index), [0, 1, 4, 3, 2]);
      assert.deepEqual(sortRows(rows, 'size', false).map((r) => r.index), [0, 1, 2, 3, 4]);
    });
  });

  describe('sharedLayerFlags and sizeBreakdown', () => {
    it('shares a layer only when the whole chain below it matches', () => {
      const flags = sharedLayerFlags(new Map([
        ['A', ['base', 'x', 'y']],
        ['B', ['base', 'x', 'z']],
        ['C', ['other', 'x']], // same diff ID 'x' on a different parent: stored separately
        ['D', ['lonely']],
      ]));
      assert.deepEqual(flags.get('A'), [true, true, false]);
      assert.deepEqual(flags.get('B'), [true, true, false]);
      assert.deepEqual(flags.get('C'), [false, false]);
      assert.deepEqual(flags.get('D'), [false]);
    });
    it('does not count an image as sharing with itself', () => {
      const flags = sharedLayerFlags(new Map([['A', ['l', 'l']]]));
      assert.deepEqual(flags.get('A'), [false, false]);
    });
    it('splits layer bytes into shared and unique', () => {
      const rows = historyRows(multiHistory, ['a', 'b', 'c']);
      const breakdown = sizeBreakdown(rows, [true, false, false]);
      assert.equal(breakdown.known, true);
      assert.equal(breakdown.total, 1_012_000);
      assert.equal(breakdown.shared, 1_000_000);
      assert.equal(breakdown.unique, 12_000);
      assert.deepEqual(breakdown.layers.map((l) => [l.historyIndex, l.shared]), [[0, true], [1, false], [3, false]]);
    });
    it('reports an unknown split rather than a wrong one', () => {
      const rows = historyRows(multiHistory, ['a']);
      const breakdown = sizeBreakdown(rows, [true]);
      assert.equal(breakdown.known, false);
      assert.equal(breakdown.shared, 0);
      assert.ok(breakdown.layers.every((l) => l.shared === undefined));
    });
    it('reads RootFS.Layers from inspect JSON', () => {
      assert.deepEqual(diffIdsFromInspect({ RootFS: { Type: 'layers', Layers: ['sha256:a', 5, 'sha256:b'] } }), ['sha256:a', 'sha256:b']);
      assert.deepEqual(diffIdsFromInspect({}), []);
    });
  });
});
