import * as assert from 'node:assert/strict';
import { buildImageTree, imageTags, imageTooltip, parseReference, parseTagInput } from '../../../src/model/images';
import { container, image, sha } from './explorerFixtures';

const now = 2_000_000;
const opts = { groupBy: 'repository' as const, sortBy: 'created' as const, filter: '', nowMs: now * 1000 };

describe('model/images', () => {
  it('parses registry, repository and tag', () => {
    assert.deepEqual(parseReference('busybox:1.36'), { registry: 'docker.io', repository: 'busybox', tag: '1.36' });
    assert.deepEqual(parseReference('localhost:5000/team/app:dev'), { registry: 'localhost:5000', repository: 'localhost:5000/team/app', tag: 'dev' });
    assert.deepEqual(parseReference('ghcr.io/o/r'), { registry: 'ghcr.io', repository: 'ghcr.io/o/r', tag: 'latest' });
    assert.deepEqual(parseReference('team/app:1'), { registry: 'docker.io', repository: 'team/app', tag: '1' });
  });

  it('lists a multi-tag image under each tag as the same image', () => {
    const multi = image('a', { repoTags: ['app:1', 'app:latest', 'other:x'] });
    const tags = imageTags([multi], []);
    assert.equal(tags.length, 3);
    assert.ok(tags.every((t) => t.image === multi));
    const tree = buildImageTree([multi], [], opts);
    assert.deepEqual(tree.map((g) => g.item.label), ['app', 'other']);
    assert.deepEqual(tree[0].children!.map((n) => n.item.label).sort(), ['1', 'latest']);
    assert.match(imageTooltip(tags[0], undefined, now * 1000), /Also tagged app:latest, other:x/);
  });

  it('groups by registry and none', () => {
    const imgs = [image('a', { repoTags: ['ghcr.io/o/a:1'] }), image('b', { repoTags: ['b:1'] })];
    const byRegistry = buildImageTree(imgs, [], { ...opts, groupBy: 'registry' });
    assert.deepEqual(byRegistry.map((g) => g.item.label).sort(), ['docker.io', 'ghcr.io']);
    assert.equal(byRegistry.find((g) => g.item.label === 'ghcr.io')!.children![0].item.label, 'o/a:1');
    const flat = buildImageTree(imgs, [], { ...opts, groupBy: 'none' });
    assert.deepEqual(flat.map((n) => n.item.label).sort(), ['b:1', 'ghcr.io/o/a:1']);
    assert.equal(flat[0].children, undefined);
  });

  it('sorts by created (newest first), name and size (largest first)', () => {
    const imgs = [
      image('a', { repoTags: ['m:1'], created: 10, size: 300 }),
      image('b', { repoTags: ['z:1'], created: 30, size: 100 }),
      image('c', { repoTags: ['a:1'], created: 20, size: 200 }),
    ];
    const labels = (sortBy: 'created' | 'name' | 'size') => buildImageTree(imgs, [], { ...opts, groupBy: 'none', sortBy }).map((n) => n.item.label);
    assert.deepEqual(labels('created'), ['z:1', 'a:1', 'm:1']);
    assert.deepEqual(labels('name'), ['a:1', 'm:1', 'z:1']);
    assert.deepEqual(labels('size'), ['m:1', 'a:1', 'z:1']);
  });

  it('filters by name substring, case-insensitively', () => {
    const imgs = [image('a', { repoTags: ['Web:1', 'db:1'] }), image('b', { repoTags: ['cache:2'] })];
    const tree = buildImageTree(imgs, [], { ...opts, groupBy: 'none', filter: 'WE' });
    assert.deepEqual(tree.map((n) => n.item.label), ['Web:1']);
  });

  it('marks in-use images and names their containers in the tooltip', () => {
    const used = image('app', { repoTags: ['app:1'] });
    const tree = buildImageTree([used, image('b', { repoTags: ['b:1'] })], [container('web', { imageId: sha('app'), state: 'running' })], { ...opts, groupBy: 'none' });
    const row = tree.find((n) => n.item.label === 'app:1')!;
    assert.equal(row.item.contextValue, 'image.inUse');
    assert.match(row.item.description!, /in use \(1\)/);
    assert.equal(row.item.tooltip, undefined, 'built on hover, not per row');
    assert.match(imageTooltip(row.ref!, undefined, 0), /web \(running\)/);
    assert.equal(tree.find((n) => n.item.label === 'b:1')!.item.contextValue, 'image');
  });

  it('shows shared and unique size when known', () => {
    const [tag] = imageTags([image('a', { repoTags: ['a:1'], size: 5_000_000 })], []);
    assert.match(imageTooltip(tag, 2_000_000, 0), /Shared with other images 2 MB · unique 3 MB/);
    assert.doesNotMatch(imageTooltip(tag, -1, 0), /Shared/);
  });
});

describe('model/images parseTagInput', () => {
  it('reads repository[:tag] and refuses anything else with a readable error', () => {
    assert.deepEqual(parseTagInput(' team/app:1.2 '), { repo: 'team/app', tag: '1.2' });
    assert.deepEqual(parseTagInput('localhost:5000/app'), { repo: 'localhost:5000/app', tag: 'latest' });
    assert.throws(() => parseTagInput('Not A Name'), /Not an image name: 'Not A Name'/);
    assert.throws(() => parseTagInput('app:'), /Not an image name/);
  });
});
