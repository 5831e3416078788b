import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

describe('DL3022', () => {
  it('DL3022 fires on unknown stage names, later stages and out-of-range indexes', () => {
    assert.deepEqual(lines(findings('DL3022', ['FROM a:1 AS one', 'COPY --from=nope /x /x', 'COPY --from=5 /x /x', 'COPY --from=two /x /x', 'FROM a:1 AS two'])), [2, 3, 4]);
  });
  it('DL3022 accepts earlier stages (any case), indexes and image references', () => {
    assert.deepEqual(findings('DL3022', [
      'FROM a:1 AS Build', 'FROM a:1', 'COPY --from=build /x /x', 'COPY --from=0 /x /x', 'COPY --from=nginx:1.25 /x /x',
      'COPY --from=ghcr.io/o/img /x /x', 'COPY --from=$STAGE /x /x',
    ]), []);
  });
  it('leaves a copy from the own stage to DL3023', () => {
    assert.deepEqual(findings('DL3022', ['FROM a:1 AS b', 'COPY --from=b /x /x', 'FROM a:1', 'COPY --from=1 /x /y']), []);
  });
  it('fires on a stage index in a file with no FROM yet (DL3023 stays quiet)', () => {
    assert.deepEqual(lines(findings('DL3022', ['COPY --from=0 /out /app'])), [1]);
    assert.deepEqual(findings('DL3023', ['COPY --from=0 /out /app']), []);
  });
});
