import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

describe('DL3067', () => {
  it('fires on COPY --from=x / / (quoted too)', () => {
    assert.deepEqual(lines(findings('DL3067', ['FROM a:1 AS b', 'FROM scratch', 'COPY --from=b / /', 'COPY --from=b "/." "/"'])), [3, 4]);
  });
  it('does not fire on a subdirectory on either side or a local COPY of /', () => {
    assert.deepEqual(findings('DL3067', ['FROM a:1 AS b', 'FROM scratch', 'COPY --from=b /app /app', 'COPY --from=b /app /', 'COPY --from=b / /rootfs/', 'COPY / /']), []);
  });
});
