import { strict as assert } from 'node:assert';
import { imageFromArg } from '../../../src/model/imageArg';

const id = `sha256:${'ab'.repeat(32)}`;

describe('which image a command was invoked on', () => {
  it('takes a reference or ID string as it is', () => {
    assert.deepEqual(imageFromArg('layerscope-fixture/multi:1'), { ref: 'layerscope-fixture/multi:1', tag: 'layerscope-fixture/multi:1' });
    assert.deepEqual(imageFromArg(` ${id} `), { ref: id });
    assert.equal(imageFromArg('  '), undefined);
  });

  it('reads an Images view node: the image ID, titled with the tag row', () => {
    const node = { item: { id: 'tag:x', label: '1' }, ref: { kind: 'imageTag', image: { id }, ref: 'layerscope-fixture/multi:1' } };
    assert.deepEqual(imageFromArg(node), { ref: id, tag: 'layerscope-fixture/multi:1' });
  });

  it('reads a Dangling view node and a container', () => {
    assert.deepEqual(imageFromArg({ item: {}, ref: { kind: 'danglingImage', image: { id }, reclaimable: 4 } }), { ref: id });
    assert.deepEqual(imageFromArg({ ref: { kind: 'container', container: { id: 'c'.repeat(64), imageId: id } } }), { ref: id });
    assert.deepEqual(imageFromArg({ ref: { kind: 'diskItem', category: 'images', id } }), { ref: id });
    assert.equal(imageFromArg({ ref: { kind: 'diskItem', category: 'containers', id: 'c'.repeat(64) } }), undefined);
  });

  it('accepts an image summary by its ID, but not any object with an id', () => {
    assert.deepEqual(imageFromArg({ id, repoTags: [] }), { ref: id });
    assert.equal(imageFromArg({ id: 'group:images' }), undefined);
    assert.equal(imageFromArg({ item: { id: 'x' } }), undefined);
    assert.equal(imageFromArg(undefined), undefined);
    assert.equal(imageFromArg(42), undefined);
  });
});
