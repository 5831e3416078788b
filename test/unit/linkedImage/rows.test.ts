import * as assert from 'node:assert/strict';
import type { DockerfileLink, InstructionLink } from '../../../src/insight';
import { mapRows } from '../../../src/linkedImage/rows';

const built = ['FROM scratch', 'COPY a /a', '# a comment', 'RUN make \\', '  all', 'ENV A=1', 'RUN rm /x', ''].join('\n');
const at = (line: number, endLine: number, keyword: string, step: number | undefined, layer: number | null | undefined, size: number | undefined): InstructionLink =>
  ({ line, endLine, keyword, stage: 0, step, layer, size });
const link: DockerfileLink = {
  score: 1, matched: true, targetStage: { index: 0, line: 0 }, baseSteps: 0,
  instructions: [at(0, 0, 'FROM', undefined, undefined, undefined), at(1, 1, 'COPY', 0, 0, 10), at(3, 4, 'RUN', 1, 1, 20), at(5, 5, 'ENV', 2, null, 0), at(6, 6, 'RUN', 3, 2, 0)],
};

describe('linkedImage rows', () => {
  it('places every instruction of an unchanged file with its step and layer', () => {
    const { rows, currentLine } = mapRows(link, built, built);
    assert.deepEqual(rows.map((r) => [r.line, r.keyword, r.step, r.layer, r.size, r.stale]), [
      [0, 'FROM', undefined, undefined, undefined, false], [1, 'COPY', 0, 0, 10, false], [3, 'RUN', 1, 1, 20, false],
      [5, 'ENV', 2, null, 0, false], [6, 'RUN', 3, 2, 0, false],
    ]);
    assert.deepEqual([...currentLine], [[0, 0], [1, 1], [3, 3], [5, 5], [6, 6]]);
  });

  it('moves unchanged instructions to their new lines and marks the rest stale from the first edit', () => {
    const edited = ['FROM scratch', '', '# moved down', 'COPY a /a', 'RUN make \\', '  all   ', 'ENV A=2', 'RUN rm /x', ''].join('\n');
    const { rows, currentLine } = mapRows(link, built, edited);
    assert.deepEqual(rows.map((r) => [r.line, r.keyword, r.step, r.stale]), [
      [0, 'FROM', undefined, false], [3, 'COPY', 0, false], [4, 'RUN', 1, false], [6, 'ENV', 2, true], [7, 'RUN', 3, true],
    ]);
    // Only unchanged instructions carry built lines over (findings and fixes move with them).
    assert.deepEqual([...currentLine], [[0, 0], [1, 3], [3, 4]]);
  });
});
