import { strict as assert } from 'node:assert';
import { findings, lines } from '../helpers';

const on = { cfg: { override: { InvalidDefinitionDescription: 'warning' as const } } };

describe('InvalidDefinitionDescription', () => {
  it('is off by default (experimental in BuildKit)', () => {
    assert.deepEqual(findings('InvalidDefinitionDescription', ['# just a note', 'FROM a:1 AS base']), []);
  });
  it('fires on a comment right above a named FROM or an ARG that does not start with the name', () => {
    const text = ['# just a note', 'FROM a:1 AS base', '# the version to build', 'ARG VERSION=1'];
    assert.deepEqual(lines(findings('InvalidDefinitionDescription', text, on)), [1, 3]);
  });
  it('does not fire on a description, a comment separated by a blank line, or an unnamed FROM', () => {
    const text = ['# base holds the toolchain', 'FROM a:1 AS base', '# VERSION of the program', 'ARG VERSION=1',
      '# a note', '', 'ARG OTHER', '# a note', 'FROM b:1'];
    assert.deepEqual(findings('InvalidDefinitionDescription', text, on), []);
  });
});
