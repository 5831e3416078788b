import { strict as assert } from 'node:assert';
import { applyFix, findings, lines } from '../helpers';

describe('StageNameCasing', () => {
  it('fires on a mixed-case stage name; the fix renames it and its references', () => {
    const text = ['FROM a:1 AS Builder', 'RUN make', 'FROM Builder AS Test', 'COPY --from=Builder /o /o', 'RUN --mount=type=cache,from=builder,target=/c true', 'FROM a:1', 'COPY --from=BUILDER /o /o'];
    const fs = findings('StageNameCasing', text);
    assert.deepEqual(lines(fs), [1, 3]);
    assert.equal(applyFix(text, fs[0]), [
      'FROM a:1 AS builder', 'RUN make', 'FROM builder AS Test', 'COPY --from=builder /o /o', 'RUN --mount=type=cache,from=builder,target=/c true', 'FROM a:1', 'COPY --from=builder /o /o', '',
    ].join('\n'));
  });
  it('does not fire on lowercase names', () => {
    assert.deepEqual(findings('StageNameCasing', ['FROM a:1 AS build-1']), []);
  });
});
