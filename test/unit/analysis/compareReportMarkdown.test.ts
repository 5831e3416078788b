import { strict as assert } from 'node:assert';
import type { ImageAnalysis, ImageComparison } from '../../../src/analysis/browser';
import { codeSpan, compareReport } from '../../../src/analysis/compareReport';

function analysis(id: string, tag: string, createdBy: string[]): ImageAnalysis {
  return {
    image: tag, id, repoTags: [tag], layout: 'legacy', created: '', architecture: 'amd64', os: 'linux',
    layers: createdBy.map((c, index) => ({
      index, digest: `sha256:${id}${index}`, blobDigest: '', createdBy: c, sizeBytes: 100 * (index + 1), tarBytes: 0, blobBytes: 0,
      compression: 'none', added: 1, modified: 0, removed: 0, wastedBytes: 0, changes: [],
    })),
    history: [], sizeBytes: 300, finalBytes: 300, wastedBytes: 0, efficiency: 1, userSizeBytes: 0, userWastedPercent: 0,
    inefficiencies: [], largestFiles: [], finalEntryCount: 0,
  };
}

describe('compare report', () => {
  it('keeps any text literal inside a code span', () => {
    assert.equal(codeSpan('a|b'), '`a\\|b`');
    assert.equal(codeSpan('x `y` z'), '``x `y` z``');
    assert.equal(codeSpan('`edge'), '`` `edge ``');
    assert.equal(codeSpan('two\nlines'), '`two lines`');
  });

  it('lists shared layers, layers on one side and file differences, hostile names as code', () => {
    const a = analysis('aaa', 'one:1', ['COPY base', 'RUN a']);
    const b = analysis('bbb', '<img src=x onerror=alert(1)>', ['COPY base', 'RUN b', 'RUN c']);
    const cmp: ImageComparison = {
      sharedLayers: [{ digest: 'sha256:s', indexA: 0, indexB: 0, sizeBytes: 100 }],
      commonBaseLayers: 1,
      onlyInA: [{ digest: 'x', index: 1, sizeBytes: 200 }],
      onlyInB: [{ digest: 'y', index: 1, sizeBytes: 200 }, { digest: 'z', index: 2, sizeBytes: 300 }],
      filesAdded: [{ path: 'small', sizeBytes: 1 }, { path: 'big', sizeBytes: 1000 }],
      filesRemoved: [],
      filesChanged: [{ path: 'etc/conf', sizeBytesA: 3, sizeBytesB: 15 }],
    };
    const md = compareReport(a, b, cmp);
    assert.match(md, /^# Compare `one:1` \(A\) with `<img src=x onerror=alert\(1\)>` \(B\)/);
    assert.match(md, /\*\*1 shared layer\*\* \(100 B\); the bottom 1 is stored once on disk for both\./);
    assert.match(md, /## Layers only in B\n\n\| Layer \| Size \| Created by \|\n\|[^\n]+\n\| L1 \| 200 B \| `RUN b` \|\n\| L2 \| 300 B \| `RUN c` \|/);
    assert.match(md, /## Files only in B \(2\)\n\n[^\n]+\n[^\n]+\n\| `\/big` \| 1 kB \|\n\| `\/small` \| 1 B \|/);
    assert.match(md, /## Files only in A \(0\)\n\n_none_/);
    assert.match(md, /\| `\/etc\/conf` \| 3 B \| 15 B \|/);
  });

  it('names the images as a person picked them when the archive has no tags', () => {
    const a = { ...analysis('aaa', 'x', ['RUN a']), repoTags: [] };
    const cmp: ImageComparison = { sharedLayers: [], commonBaseLayers: 0, onlyInA: [], onlyInB: [], filesAdded: [], filesRemoved: [], filesChanged: [] };
    assert.match(compareReport(a, a, cmp, 100, ['app:1']), /^# Compare `app:1` \(A\) with `aaa` \(B\)/);
  });

  it('cuts long lists and says how many more there are', () => {
    const a = analysis('aaa', 'a:1', ['x']);
    const files = Array.from({ length: 5 }, (_, i) => ({ path: `f${i}`, sizeBytes: i }));
    const cmp: ImageComparison = { sharedLayers: [], commonBaseLayers: 0, onlyInA: [], onlyInB: [], filesAdded: files, filesRemoved: [], filesChanged: [] };
    const md = compareReport(a, a, cmp, 2);
    assert.match(md, /… and 3 more/);
  });
});
