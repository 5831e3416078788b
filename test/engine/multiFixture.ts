// What the analysis must find in the multi:1 fixture (test/rig/fixtures/README.md), whatever
// engine wrote the archive, in whatever layout and compression.
import * as assert from 'node:assert/strict';
import { filesystemAt, finalTree, flattenTree, type ImageAnalysis } from '../../src/analysis';

export const busyboxBytes = 1_982_256;

function changeSet(a: ImageAnalysis, layer: number): Record<string, string[]> {
  const out: Record<string, string[]> = { added: [], modified: [], removed: [] };
  for (const c of a.layers[layer].changes) out[c.change].push(c.path);
  for (const k of Object.keys(out)) out[k].sort();
  return out;
}

/** What must hold for multi:1 whatever the archive layout and compression. */
export function assertMulti(a: ImageAnalysis): void {
  assert.equal(a.layers.length, 9);
  assert.equal(a.sizeBytes, busyboxBytes + 10_041 + 9 + 5_242_880 + 4 + 15);
  assert.equal(a.wastedBytes, 5_242_887);
  assert.equal(a.finalBytes, busyboxBytes + 10_041 + 6 + 15);
  assert.equal(a.efficiency, 1 - 5_242_887 / a.sizeBytes);
  assert.deepEqual(a.inefficiencies, [
    { path: 'big.bin', count: 1, wastedBytes: 5_242_880 },
    { path: 'app/config.txt', count: 2, wastedBytes: 3 },
    { path: 'scratch/a.txt', count: 1, wastedBytes: 2 },
    { path: 'scratch/sub/b.txt', count: 1, wastedBytes: 2 },
  ]);
  assert.deepEqual(a.layers.map((l) => l.sizeBytes), [busyboxBytes, 0, 10_041, 9, 5_242_880, 0, 4, 15, 0]);
  assert.deepEqual(a.layers.map((l) => l.wastedBytes), [0, 0, 0, 3, 5_242_880, 0, 4, 0, 0]);
  assert.deepEqual(changeSet(a, 0), { added: ['bin', 'bin/busybox'], modified: [], removed: [] });
  assert.equal(a.layers[1].added, a.layers[1].changes.filter((c) => c.kind === 'symlink').length, 'busybox --install adds only symlinks');
  assert.deepEqual(changeSet(a, 2), { added: ['app', 'app/hello.txt', 'app/run.sh', 'app/tenk.txt'], modified: [], removed: [] });
  assert.deepEqual(changeSet(a, 3), { added: ['app/config.txt', 'app/data', 'app/data/one.txt'], modified: [], removed: [] });
  assert.deepEqual(changeSet(a, 4), { added: ['big.bin'], modified: [], removed: [] });
  assert.deepEqual(changeSet(a, 5), { added: [], modified: [], removed: ['big.bin'] });
  assert.deepEqual(changeSet(a, 6), { added: ['scratch', 'scratch/a.txt', 'scratch/sub', 'scratch/sub/b.txt'], modified: [], removed: [] });
  assert.deepEqual(changeSet(a, 7), { added: [], modified: ['app/config.txt'], removed: [] });
  assert.deepEqual(changeSet(a, 8), { added: [], modified: [], removed: ['scratch', 'scratch/a.txt', 'scratch/sub', 'scratch/sub/b.txt'] });
  assert.equal(a.history.length, 12);
  assert.equal(a.history.filter((h) => h.emptyLayer).length, 3);
  assert.deepEqual(a.layers.map((l) => l.historyIndex), [0, 1, 3, 4, 5, 6, 7, 8, 9]);
  assert.equal(a.layers[4].createdBy, 'RUN dd if=/dev/zero of=/big.bin bs=1048576 count=5');
  assert.equal(a.layers[1].createdBy, '/bin/busybox --install -s /bin');
  assert.match(a.layers[0].createdBy, /^COPY file:[0-9a-f]+ in \/bin\/busybox$/);
  assert.deepEqual(a.largestFiles.slice(0, 2).map((f) => [f.path, f.sizeBytes]), [['bin/busybox', busyboxBytes], ['app/tenk.txt', 10_000]]);
  const files = new Map(flattenTree(finalTree(a)).map((n) => [n.path, n]));
  assert.equal(files.get('app/config.txt')?.size, 15);
  assert.equal(files.has('big.bin'), false);
  assert.equal(files.has('scratch'), false);
  assert.equal(files.get('bin/sh')?.kind, 'symlink');
  // The view after layer 4 still has the 5 MiB file; aggregated from layer 0 it shows as added.
  const at4 = new Map(flattenTree(filesystemAt(a, 4, 0)).map((n) => [n.path, n]));
  assert.equal(at4.get('big.bin')?.change, 'added');
  assert.equal(at4.get('big.bin')?.size, 5_242_880);
}

