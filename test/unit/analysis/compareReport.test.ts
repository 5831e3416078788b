// Image comparison, the --json report, the --ci rules and the CreatedBy display.
import * as assert from 'node:assert/strict';
import { analyzeImage, compareImages, displayCreatedBy, evaluateCiRules, toJsonReport, type ImageAnalysis } from '../../../src/analysis';
import { buildImageArchive, chunked, file, whiteout, type TestEntry } from './imageArchive';

async function analyze(layers: TestEntry[][]): Promise<ImageAnalysis> {
  return analyzeImage(chunked((await buildImageArchive({ layers: layers.map((entries) => ({ entries })) })).archive));
}

describe('analysis: compare, report, CI rules', () => {
  const base = [file('bin/sh', 100), file('etc/os', 10)];
  it('compares shared layers by diff ID and final files by path and size', async () => {
    const a = await analyze([base, [file('app/v', 5), file('app/old', 3)]]);
    const b = await analyze([base, [file('app/v', 6), file('app/new', 9)], [whiteout('etc/os')]]);
    const c = compareImages(a, b);
    assert.equal(c.commonBaseLayers, 1);
    assert.deepEqual(c.sharedLayers.map((l) => [l.indexA, l.indexB, l.sizeBytes]), [[0, 0, 110]]);
    assert.deepEqual(c.onlyInA.map((l) => l.index), [1]);
    assert.deepEqual(c.onlyInB.map((l) => l.index), [1, 2]);
    assert.deepEqual(c.filesAdded, [{ path: 'app/new', sizeBytes: 9 }]);
    assert.deepEqual(c.filesRemoved, [{ path: 'app/old', sizeBytes: 3 }, { path: 'etc/os', sizeBytes: 10 }]);
    assert.deepEqual(c.filesChanged, [{ path: 'app/v', sizeBytesA: 5, sizeBytesB: 6 }]);
  });

  it('builds the --json object with exactly the documented keys', async () => {
    const a = await analyze([base, [whiteout('etc/os')]]);
    const report = toJsonReport(a);
    assert.deepEqual(Object.keys(report), ['image', 'sizeBytes', 'layers', 'wastedBytes', 'efficiency', 'inefficiencies', 'largestFiles']);
    assert.deepEqual(Object.keys(report.layers[0]), ['index', 'digest', 'createdBy', 'sizeBytes', 'added', 'modified', 'removed']);
    assert.deepEqual(report.layers.map((l) => [l.index, l.sizeBytes, l.added, l.modified, l.removed]), [[0, 110, 4, 0, 0], [1, 0, 0, 0, 1]]);
    assert.equal(report.wastedBytes, 10);
    assert.deepEqual(report.inefficiencies, [{ path: 'etc/os', count: 1, wastedBytes: 10 }]);
    assert.deepEqual(report.largestFiles, [{ path: 'bin/sh', sizeBytes: 100 }]);
  });

  it('evaluates the CI rules, each passing or failing on its own', async () => {
    const a = await analyze([base, [file('big', 90)], [whiteout('big')]]);
    // stored 200, wasted 90, efficiency 0.55, user bytes 90 → user wasted 1.0
    const results = evaluateCiRules(a, { lowestEfficiency: 0.5, highestWastedBytes: 50, highestUserWastedPercent: 1 });
    assert.deepEqual(results.map((r) => [r.rule, r.passed, r.actual]), [
      ['lowest-efficiency', true, 0.55], ['highest-wasted-bytes', false, 90], ['highest-user-wasted-percent', true, 1],
    ]);
    assert.match(results[1].message, /wasted 90 B \(90 bytes\) exceeds the highest allowed 50 B/);
    assert.deepEqual(evaluateCiRules(a, {}), []);
    assert.equal(evaluateCiRules(a, { lowestEfficiency: 0.56 })[0].passed, false);
  });

  it('shows CreatedBy without the shell noise', () => {
    assert.equal(displayCreatedBy('/bin/sh -c #(nop)  ENV PATH=/bin'), 'ENV PATH=/bin');
    assert.equal(displayCreatedBy('/bin/sh -c #(nop) COPY file:ab12 in /bin/busybox '), 'COPY file:ab12 in /bin/busybox');
    assert.equal(displayCreatedBy('/bin/sh -c dd if=/dev/zero of=/big'), 'RUN dd if=/dev/zero of=/big');
    assert.equal(displayCreatedBy('|2 A=1 B= /bin/sh -c make'), 'RUN make');
    assert.equal(displayCreatedBy('RUN /bin/sh -c apk add x # buildkit'), 'RUN apk add x');
    assert.equal(displayCreatedBy('COPY . /app # buildkit'), 'COPY . /app');
    assert.equal(displayCreatedBy('/bin/busybox --install -s /bin'), 'RUN /bin/busybox --install -s /bin');
    assert.equal(displayCreatedBy(''), '');
  });
});
