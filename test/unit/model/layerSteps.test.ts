// The step → layer mapping against histories recorded from the real engine (both builders, custom
// SHELL, ARGs, WORKDIR, RUN true, ONBUILD, multi-stage): decided steps always agree with the saved
// config's empty_layer flags; what the cheap data cannot decide stays undefined.
import { strict as assert } from 'node:assert';
import { mapSteps, stepFlagsFromImages } from '../../../src/model/layerSteps';
import type { HistoryEntry } from '../../../src/model/types';
import * as recorded from '../insight/recordedHistories';

const entries = (history: [string, number][]): HistoryEntry[] =>
  history.map(([createdBy, size], i) => ({ id: i === 0 ? 'sha256:top' : '<missing>', created: 1000 - i, createdBy, tags: [], size, comment: '' }));
const ids = (n: number): string[] => Array.from({ length: n }, (_, i) => `sha256:${i}`);

/** The truth, from the config: per step (oldest first) its layer index or null. */
function truth(img: recorded.RecordedImage): (number | null)[] {
  let layer = 0;
  return img.emptyLayers.map((empty) => (empty ? null : layer++));
}

describe('model/layerSteps', () => {
  const images: [string, recorded.RecordedImage, boolean][] = [
    // name, image, exact from the cheap data alone
    ['insight, legacy builder (WORKDIR, rm and RUN true are 0-byte: two of them made a layer)', recorded.insightLegacy, false],
    ['insight, BuildKit', recorded.insightBuildkit, true],
    ['chain, legacy builder', recorded.chainLegacy, true],
    ['chain, BuildKit', recorded.chainBuildkit, true],
    ['probe, legacy builder', recorded.probeLegacy, false],
    ['probe, BuildKit', recorded.probeBuildkit, true],
  ];
  for (const [name, img, exact] of images) {
    describe(name, () => {
      it(`is ${exact ? 'exact' : 'not exact, and never wrong,'} from /history and RootFS alone`, () => {
        const mapping = mapSteps(entries(img.history), ids(img.layers));
        const want = truth(img);
        assert.equal(mapping.exact, exact, mapping.reason);
        assert.equal(mapping.steps.length, want.length);
        mapping.steps.forEach((s, i) => {
          if (s.emptyLayer !== undefined) assert.equal(s.emptyLayer, img.emptyLayers[i], `step ${i} ${s.createdBy}`);
          if (s.layer !== undefined) assert.equal(s.layer, want[i], `step ${i} ${s.createdBy}`);
        });
        if (exact) assert.deepEqual(mapping.steps.map((s) => s.layer), want);
        else assert.ok(mapping.steps.some((s) => s.emptyLayer === undefined) && mapping.reason);
      });
      it('is exact with the config flags of a deep analysis', () => {
        const mapping = mapSteps(entries(img.history), ids(img.layers), img.emptyLayers);
        assert.equal(mapping.exact, true);
        assert.deepEqual(mapping.steps.map((s) => s.layer), truth(img));
        assert.deepEqual(mapping.steps.map((s) => s.emptyLayer), img.emptyLayers);
      });
    });
  }

  it('cleans CreatedBy and names the instruction for any shell', () => {
    const steps = mapSteps(entries(recorded.insightLegacy.history), ids(9)).steps;
    assert.deepEqual(steps.map((s) => s.instruction), ['COPY', 'SHELL', 'RUN', 'ARG', 'ENV', 'WORKDIR', 'COPY', 'RUN', 'RUN', 'RUN', 'COPY', 'COPY', 'RUN', 'LABEL', 'CMD']);
    assert.equal(steps[1].createdBy, 'SHELL [/bin/busybox sh -c]');
    assert.equal(steps[2].createdBy, 'RUN /bin/busybox --install -s /bin');
    assert.equal(steps[9].createdBy, 'RUN rm big.bin /root/.ssh/id_rsa');
    assert.equal(steps[14].id, 'sha256:top');
    assert.equal(steps[0].id, '');
  });

  it('keeps the layers it can still place below the first and above the last undecided step', () => {
    const steps = mapSteps(entries(recorded.insightLegacy.history), ids(9)).steps;
    // COPY busybox, install, COPY key, RUN cache, RUN dd: below WORKDIR (the first undecided) → 0, 1.
    assert.deepEqual(steps.slice(0, 5).map((s) => s.layer), [0, null, 1, null, null]);
    assert.equal(steps[5].layer, undefined); // WORKDIR
    assert.equal(steps[6].layer, undefined); // COPY key: between undecided steps
    assert.equal(steps[13].layer, null); // LABEL
  });

  it('says nothing about layers when the history and RootFS cannot agree (squashed or imported image)', () => {
    const mapping = mapSteps(entries([['/bin/sh -c #(nop)  CMD ["sh"]', 0], ['/bin/sh -c #(nop) ADD file:abc in / ', 5000]]), ids(3));
    assert.equal(mapping.exact, false);
    assert.ok(mapping.steps.every((s) => s.layer === undefined));
    assert.match(mapping.reason!, /3 layers/);
  });

  it('maps an imported image (one entry, one layer) and an empty history', () => {
    const one = mapSteps(entries([['', 7000]]), ids(1));
    assert.deepEqual([one.exact, one.steps[0].layer, one.steps[0].instruction], [true, 0, '']);
    assert.deepEqual(mapSteps([], []), { steps: [], exact: true });
  });

  it('treats ARG-prefixed legacy RUNs, heredocs and exec form as RUN steps that may be 0-byte layers', () => {
    const h = entries([
      ['|2 A=1 B=2 /bin/bash -o pipefail -c touch /x', 0],
      ["RUN /bin/sh -c cat <<EOF > /a\nhello\nEOF # buildkit", 6],
      ['/usr/bin/apt-get update', 0],
      ['/bin/sh -c #(nop)  ENV A=1', 0],
    ]);
    const all = mapSteps(h, ids(3));
    assert.equal(all.exact, true);
    assert.deepEqual(all.steps.map((s) => s.layer), [null, 0, 1, 2]);
    assert.deepEqual(all.steps.map((s) => s.instruction), ['ENV', 'RUN', 'RUN', 'RUN']);
    const none = mapSteps(h, ids(1));
    assert.deepEqual(none.steps.map((s) => s.layer), [null, null, 0, null]);
  });

  it("settles the legacy builder's 0-byte steps from its intermediate images' layer counts", () => {
    const img = recorded.insightLegacy;
    const withIds = entries(img.history).map((e, i) => ({ ...e, id: `sha256:step${img.history.length - 1 - i}` }));
    const cheap = mapSteps(withIds, ids(img.layers));
    assert.equal(cheap.exact, false);
    // The image at step i has as many layers as the steps up to i made (what inspect's RootFS says).
    const want = truth(img);
    const counts = new Map(want.map((_, i) => [`sha256:step${i}`, want.slice(0, i + 1).filter((l) => l !== null).length]));
    const flags = stepFlagsFromImages(cheap.steps, (id) => counts.get(id));
    assert.deepEqual(flags, img.emptyLayers);
    const settled = mapSteps(withIds, ids(img.layers), flags);
    assert.equal(settled.exact, true);
    assert.deepEqual(settled.steps.map((s) => s.layer), want);
  });

  it('uses flags known for some steps only (a pulled base has no step images)', () => {
    const img = recorded.insightLegacy;
    const partial: (boolean | undefined)[] = img.emptyLayers.map((e, i) => (i === 5 ? e : undefined)); // WORKDIR made a layer
    const mapping = mapSteps(entries(img.history), ids(img.layers), partial);
    assert.equal(mapping.exact, false); // `rm` (layer) and `RUN true` (none) are still open
    assert.equal(mapping.steps[5].emptyLayer, false);
    assert.equal(mapping.steps[5].layer, 2);
    const two: (boolean | undefined)[] = img.emptyLayers.map((e, i) => (i === 5 || i === 12 ? e : undefined));
    assert.deepEqual(mapSteps(entries(img.history), ids(img.layers), two).steps.map((s) => s.layer), truth(img));
    const steps = mapSteps(entries(img.history), ids(img.layers)).steps;
    assert.deepEqual(stepFlagsFromImages(steps, () => undefined), img.emptyLayers.map(() => undefined));
  });
});
