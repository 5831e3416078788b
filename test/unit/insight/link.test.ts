// Linking a Dockerfile to images: histories recorded from engine 20.10 for both builders, plus
// synthetic shapes (heredocs, exec form, custom SHELL, ARG prefixes) and images that do NOT come
// from the file (no false link).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { linkDockerfile, rankImages } from '../../../src/insight/link';
import type { Step } from '../../../src/model/layerSteps';
import { stepsOf } from './helpers';
import * as recorded from './recordedHistories';

const FIXTURES = resolve(__dirname, '../../rig/fixtures/insight');
const insightFile = readFileSync(resolve(FIXTURES, 'Dockerfile'), 'utf8');
const chainFile = readFileSync(resolve(FIXTURES, 'chain.Dockerfile'), 'utf8');

const stepsOfImage = (img: recorded.RecordedImage): Step[] => stepsOf(img.history, img.emptyLayers);

/** line (0-based) → [step, layer] for the instructions that got a step. */
function byLine(link: ReturnType<typeof linkDockerfile>): Record<number, [number, number | null | undefined]> {
  const out: Record<number, [number, number | null | undefined]> = {};
  for (const r of link.instructions) if (r.step !== undefined) out[r.line] = [r.step, r.layer];
  return out;
}

describe('insight/link', () => {
  for (const [builder, img] of [['legacy', recorded.insightLegacy], ['BuildKit', recorded.insightBuildkit]] as const) {
    it(`links the planted Dockerfile to its ${builder} image, line by line`, () => {
      const link = linkDockerfile(insightFile, stepsOfImage(img));
      assert.equal(link.matched, true);
      // Legacy COPY entries keep only the destination (`file:<hash> in /dst`): a slightly weaker match.
      assert.equal(link.score, builder === 'legacy' ? 1 - 0.1 * 4 / 15 : 1);
      assert.deepEqual(link.targetStage, { index: 1, line: 6 });
      assert.equal(link.baseSteps, 0);
      const lastLayer = builder === 'legacy' ? null : 9;
      assert.deepEqual(byLine(link), {
        7: [0, 0], 8: [1, null], 9: [2, 1], 10: [3, null], 11: [4, null], 12: [5, 2], 13: [6, 3], 14: [7, 4],
        15: [8, 5], 16: [9, 6], 17: [10, 7], 18: [11, 8], 19: [12, lastLayer], 20: [13, null], 21: [14, null],
      });
      // The tools stage is not in the image: its lines have no step.
      assert.ok(link.instructions.filter((r) => r.stage === 0).every((r) => r.step === undefined));
      assert.equal(link.instructions.find((r) => r.line === 15)!.size, 3_145_728);
    });
  }

  for (const [builder, img] of [['legacy', recorded.chainLegacy], ['BuildKit', recorded.chainBuildkit]] as const) {
    it(`links a stage built FROM another stage (ONBUILD trigger, SHELL, ARG, ENV in COPY) — ${builder}`, () => {
      const link = linkDockerfile(chainFile, stepsOfImage(img));
      assert.equal(link.matched, true);
      assert.ok(link.score >= 0.98, String(link.score));
      assert.deepEqual(link.targetStage, { name: 'final', index: 1, line: 15 });
      const lines = byLine(link);
      assert.deepEqual(lines[3], [0, 0]);        // COPY busybox (stage base)
      assert.deepEqual(lines[8], [5, 3]);        // COPY app/main.sh $DIR/main.sh
      assert.deepEqual(lines[10], [7, 4]);       // RUN echo … (continuation)
      if (builder === 'legacy') assert.deepEqual(lines[12], [8, null]); // the ONBUILD itself is recorded
      else assert.equal(lines[12], undefined);   // BuildKit records no ONBUILD entry
      const last = img.history.length - 1;
      assert.deepEqual(lines[16], [last - 1, 6]); // RUN dd /final.bin, after the trigger's step
      assert.deepEqual(lines[17], [last, null]);  // CMD
    });
  }

  for (const [builder, img] of [['legacy', recorded.probeLegacy], ['BuildKit', recorded.probeBuildkit]] as const) {
    it(`links the probe file (WORKDIR twice, RUN true, COPY --from) — ${builder}`, () => {
      const link = linkDockerfile(builder === 'legacy' ? recorded.probeDockerfileLegacy : recorded.probeDockerfile, stepsOfImage(img));
      assert.equal(link.matched, true);
      assert.equal(link.targetStage.name, 'final');
      assert.ok(link.score >= 0.95, String(link.score));
      // The same image against the other variant (two USER lines differ): still linked, a lower score.
      const other = linkDockerfile(builder === 'legacy' ? recorded.probeDockerfile : recorded.probeDockerfileLegacy, stepsOfImage(img));
      assert.ok(other.matched && other.score < link.score, String(other.score));
      const lines = byLine(link);
      assert.deepEqual(lines[1], [0, 0]);                   // COPY busybox
      assert.equal(lines[23]?.[0], img.history.length - 3); // COPY --from=base /lvl /lvl2
      assert.equal(lines[25]?.[0], img.history.length - 1); // RUN rm /big
    });
  }

  describe('no false links', () => {
    it('does not link the planted file to the chain images, nor the chain file to the planted images', () => {
      for (const img of [recorded.chainLegacy, recorded.chainBuildkit, recorded.probeLegacy, recorded.probeBuildkit]) {
        assert.equal(linkDockerfile(insightFile, stepsOfImage(img)).matched, false);
      }
      for (const img of [recorded.insightLegacy, recorded.insightBuildkit, recorded.probeLegacy]) {
        assert.equal(linkDockerfile(chainFile, stepsOfImage(img)).matched, false);
      }
    });
    it('does not link an image built FROM the linked image (extra steps on top)', () => {
      for (const img of [recorded.insightLegacy, recorded.insightBuildkit]) {
        const child: [string, number][] = [['RUN /bin/sh -c echo child > /child # buildkit', 6], ...img.history];
        assert.equal(linkDockerfile(insightFile, stepsOf(child)).matched, false);
      }
    });
    it('does not link a FROM scratch file to an image with other steps below it', () => {
      const based: [string, number][] = [...recorded.insightBuildkit.history, ['/bin/sh -c #(nop) ADD file:abc in / ', 5_000_000]];
      assert.equal(linkDockerfile(insightFile, stepsOf(based)).matched, false);
    });
    it('does not link files that share only metadata with the image', () => {
      const file = 'FROM scratch\nCOPY busybox /bin/busybox\nRUN echo other\nLABEL org.example.fixture=insight\nCMD ["sh"]\n';
      assert.equal(linkDockerfile(file, stepsOfImage(recorded.insightBuildkit)).matched, false);
    });
    it('does not link an unrelated image from a base image', () => {
      const steps = stepsOf([
        ['/bin/sh -c #(nop)  CMD ["bash"]', 0],
        ['/bin/sh -c #(nop) ADD file:0123 in / ', 80_000_000],
      ]);
      assert.equal(linkDockerfile('FROM debian\nRUN apt-get update\nCMD ["bash"]\n', steps).matched, false);
    });
  });

  it('stays linked after an edit, with the edited instruction and the ones added since without a step', () => {
    const edited = insightFile.replace('count=3072', 'count=2048') + 'RUN echo added\n';
    const link = linkDockerfile(edited, stepsOfImage(recorded.insightBuildkit));
    assert.equal(link.matched, true);
    assert.ok(link.score > 0.8 && link.score < 1, String(link.score));
    const rows = Object.fromEntries(link.instructions.map((r) => [r.line, r.step]));
    assert.equal(rows[15], undefined);
    assert.equal(rows[22], undefined);
    assert.equal(rows[14], 7);
    assert.equal(rows[16], 9);
  });

  it('follows --target and build args', () => {
    const file = 'FROM scratch AS a\nARG WHERE=/x\nCOPY f $WHERE/f\nFROM a AS b\nRUN echo b\n';
    const stepsA = stepsOf([['COPY f /y/f # buildkit', 3], ['ARG WHERE=/x', 0]]);
    assert.equal(linkDockerfile(file, stepsA, { buildArgs: { WHERE: '/y' } }).matched, true);
    assert.equal(linkDockerfile(file, stepsA).matched, false);
    const viaTarget = linkDockerfile(file, stepsA, { target: 'a', buildArgs: { WHERE: '/y' } });
    assert.deepEqual(viaTarget.targetStage, { name: 'a', index: 0, line: 0 });
  });

  it('matches exec form, heredocs, a custom SHELL with options and ARG-prefixed legacy entries', () => {
    const file = [
      'FROM scratch',
      'ARG V=1',
      'COPY ["a b.txt", "/data/"]',
      'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
      'RUN curl -s x | sh',
      'RUN ["/bin/tool", "--flag", "v"]',
      'RUN <<EOF',
      'set -e',
      'echo hi > /hi',
      'EOF',
      'ENTRYPOINT ["/bin/tool"]',
      '',
    ].join('\n');
    const legacy = stepsOf([
      ['/bin/bash -o pipefail -c #(nop)  ENTRYPOINT ["/bin/tool"]', 0],
      ['|1 V=1 /bin/tool --flag v', 0],
      ['|1 V=1 /bin/bash -o pipefail -c curl -s x | sh', 12],
      ['/bin/bash -o pipefail -c #(nop)  SHELL [/bin/bash -o pipefail -c]', 0],
      ['/bin/sh -c #(nop) COPY file:aa in /data/ ', 3],
      ['/bin/sh -c #(nop)  ARG V=1', 0],
    ]);
    // The legacy builder cannot build heredocs: that line stays unmatched, the rest links.
    const l = linkDockerfile(file, legacy);
    assert.equal(l.matched, true);
    assert.equal(l.instructions.find((r) => r.line === 6)!.step, undefined);
    const buildkit = stepsOf([
      ['ENTRYPOINT ["/bin/tool"]', 0],
      ['RUN |1 V=1 /bin/bash -o pipefail -c set -e\necho hi > /hi\n # buildkit', 3],
      ['RUN |1 V=1 /bin/tool --flag v # buildkit', 0],
      ['RUN |1 V=1 /bin/bash -o pipefail -c curl -s x | sh # buildkit', 12],
      ['SHELL [/bin/bash -o pipefail -c]', 0],
      ['COPY a b.txt /data/ # buildkit', 3],
      ['ARG V=1', 0],
    ]);
    const b = linkDockerfile(file, buildkit);
    assert.equal(b.matched, true);
    assert.ok(b.score > 0.98, String(b.score));
    assert.deepEqual(b.instructions.filter((r) => r.step !== undefined).map((r) => r.line), [1, 2, 3, 4, 5, 6, 10]);
  });

  it('rankImages puts the newest image built from the file first, unrelated ones last', () => {
    const ranked = rankImages(insightFile, [
      { id: 'old', tags: ['app:old'], created: 100, steps: stepsOfImage(recorded.insightLegacy) },
      { id: 'other', tags: ['other:1'], created: 300, steps: stepsOfImage(recorded.chainBuildkit) },
      { id: 'new', tags: ['app:dev'], created: 200, steps: stepsOfImage(recorded.insightBuildkit) },
    ]);
    assert.deepEqual(ranked.map((r) => [r.id, r.link.matched]), [['new', true], ['old', true], ['other', false]]);
  });

  it('links with undecided layers (cheap data only) and reports them undefined', () => {
    const link = linkDockerfile(insightFile, stepsOf(recorded.insightLegacy.history, undefined, recorded.insightLegacy.layers));
    assert.equal(link.matched, true);
    const rows = Object.fromEntries(link.instructions.map((r) => [r.line, r.layer]));
    assert.equal(rows[7], 0);
    assert.equal(rows[12], undefined); // WORKDIR: 0-byte, undecided before a deep analysis
    assert.equal(rows[20], null);      // LABEL
  });
});
