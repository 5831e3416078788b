import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

describe('DL3048', () => {
  it('fires on uppercase, underscores, bad edges and reserved namespaces', () => {
    assert.deepEqual(lines(findings('DL3048', ['FROM a:1', 'LABEL Maintainer=x', 'LABEL my_label=x', 'LABEL -a=x a..b=y', 'LABEL com.docker.thing=x'])), [2, 3, 4, 4, 5]);
  });
  it('fires on keys with $, keys starting with a digit, and ONBUILD LABEL', () => {
    assert.deepEqual(lines(findings('DL3048', ['FROM a:1', 'LABEL $KEY=v', 'LABEL 1abc=x', 'LABEL in$valid=x', 'ONBUILD LABEL -x=y'])), [2, 3, 4, 5]);
  });
  it('does not fire on conventional keys', () => {
    assert.deepEqual(findings('DL3048', ['FROM a:1', 'LABEL org.opencontainers.image.authors=x maintainer=y', 'LABEL com.example.v1-beta=z label3=w']), []);
  });
});
