import * as assert from 'node:assert/strict';
import { errorDetail, errorText } from '../../../src/model/errorText';
import { isContainerRow, nodeOfArg, refOfArg } from '../../../src/model/explorerRef';

describe('model/errorText', () => {
  it('words an Error by its message and anything else as text', () => {
    assert.equal(errorText(new Error('engine gone')), 'engine gone');
    assert.equal(errorText('plain'), 'plain');
    assert.equal(errorText(42), '42');
    assert.equal(errorText(undefined), 'undefined');
  });

  it('gives the stack for the log when there is one', () => {
    const err = new Error('boom');
    assert.match(errorDetail(err), /^Error: boom\n\s+at /);
    assert.equal(errorDetail('boom'), 'boom');
  });
});

describe('model/explorerRef', () => {
  const container = { kind: 'container' as const, container: { id: 'c1' } };
  const row = { item: { id: 'container:c1', label: 'web' }, ref: container };

  it('reads a row argument, and nothing from an ID string, undefined or a plain object', () => {
    assert.equal(nodeOfArg(row), row);
    assert.equal(refOfArg(row), container);
    assert.equal(refOfArg('sha256:abc'), undefined);
    assert.equal(refOfArg(undefined), undefined);
    assert.equal(refOfArg(null), undefined);
    assert.equal(refOfArg({ id: 'x' }), undefined);
  });

  it('tells the Containers view rows from the others', () => {
    assert.ok(isContainerRow(row as never));
    assert.ok(isContainerRow({ item: { id: 'n', label: 'n' }, ref: { kind: 'containerNote' } }));
    assert.ok(!isContainerRow({ item: { id: 'v', label: 'v' }, ref: { kind: 'volume' } } as never));
    assert.ok(!isContainerRow({ item: { id: 'g', label: 'Running' } }));
  });
});
