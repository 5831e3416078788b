// Where dockerfile-utils' validator is stricter than BuildKit's parser, BuildKit wins.
import { strict as assert } from 'node:assert';
import { lintDockerfile } from '../../../src/lint/index';

const syntax = (text: string) => lintDockerfile(text).filter((f) => f.code.startsWith('LS')).map((f) => f.code);

describe('validity: overrides where BuildKit accepts what the validator rejects', () => {
  it('accepts a quoted part followed by more text in one word (LS0007)', () => {
    assert.deepEqual(syntax('FROM a:1\nENV A="x"y\n'), []);
    assert.deepEqual(syntax('FROM a:1\nENV PATH "$PATH":/bin\n'), []);
    assert.deepEqual(syntax("FROM a:1\nENV A='x'y\"z\"\nLABEL a=\"b\"c\n"), []);
  });
  it('still reports a quote that never closes', () => {
    assert.deepEqual(syntax('FROM a:1\nENV A="x\n'), ['LS0007']);
    assert.deepEqual(syntax("FROM a:1\nENV A='x\n"), ['LS0007']);
  });
  it('accepts HEALTHCHECK --retries=0 but not a negative count (LS0003)', () => {
    assert.deepEqual(syntax('FROM a:1\nHEALTHCHECK --retries=0 CMD true\n'), []);
    assert.deepEqual(syntax('FROM a:1\nHEALTHCHECK --retries=-1 CMD true\n'), ['LS0003']);
  });
  it('accepts -- ending the flags of COPY and ADD, not an unknown flag (LS0003)', () => {
    assert.deepEqual(syntax('FROM a:1\nCOPY -- foo /tmp/\nADD -- bar /tmp/\n'), []);
    assert.deepEqual(syntax('FROM a:1\nCOPY --bogus foo /tmp/\n'), ['LS0003']);
  });
});
