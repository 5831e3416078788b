import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

const on = { cfg: { override: { InvalidDefinitionDescription: 'warning' as const } } };

describe('InvalidDefinitionDescription', () => {
  it('is off by default (experimental in BuildKit)', () => {
    assert.deepEqual(findings('InvalidDefinitionDescription', ['# just a note', 'FROM a:1 AS base']), []);
  });
  it('fires on a comment right above a named FROM or an ARG that does not start with the name', () => {
    const text = ['# just a note', 'FROM a:1 AS base', '# the version to build', 'ARG VERSION=1'];
    assert.deepEqual(lines(findings('InvalidDefinitionDescription', text, on)), [2, 4]);
  });
  it('is on with # check=experimental=InvalidDefinitionDescription', () => {
    assert.deepEqual(lines(findings('InvalidDefinitionDescription', ['# check=experimental=InvalidDefinitionDescription', '# pinned tools', 'ARG TOOLS=1'])), [3]);
  });
  it('reads only the comment right above: one of several ARG names is enough; an empty # ends the block', () => {
    const text = ['FROM a:1', '# MODE picks the flavour', 'ARG LEVEL=2 MODE=fast', '# not a description', '#', 'ARG QUIET=1',
      '# Base is not the stage name in lower case', 'FROM a:1 AS base', '# image to ship', 'FROM a:1 AS Image'];
    assert.deepEqual(lines(findings('InvalidDefinitionDescription', text, on)), [8]);
  });
  it('does not fire on a description, a comment separated by a blank line, or an unnamed FROM', () => {
    const text = ['# base holds the toolchain', 'FROM a:1 AS base', '# VERSION of the program', 'ARG VERSION=1',
      '# a note', '', 'ARG OTHER', '# a note', 'FROM b:1'];
    assert.deepEqual(findings('InvalidDefinitionDescription', text, on), []);
  });
});
