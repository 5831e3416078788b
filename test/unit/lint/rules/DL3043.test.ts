import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

describe('DL3043', () => {
  it('fires on ONBUILD FROM / MAINTAINER / ONBUILD, not on ONBUILD RUN', () => {
    assert.deepEqual(lines(findings('DL3043', ['FROM a:1', 'ONBUILD FROM b', 'ONBUILD MAINTAINER me', 'ONBUILD ONBUILD RUN x', 'ONBUILD RUN make'])), [2, 3, 4]);
  });
  it('does not fire on ordinary ONBUILD triggers', () => {
    assert.deepEqual(findings('DL3043', ['FROM a:1', 'ONBUILD RUN make', 'ONBUILD COPY . /src', 'ONBUILD ENV A=1']), []);
  });
});
