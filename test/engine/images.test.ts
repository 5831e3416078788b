// Images against the real test daemon and its fixtures (test/rig/fixtures/README.md).
import * as assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import * as tar from 'tar-stream';
import { type Engine, EngineError } from '../../src/docker/engine';
import type { ImageSummary } from '../../src/model/types';
import { readAll, testEngine, throwawayName } from './helpers';

const fixture = (images: ImageSummary[], role: string) => images.filter((i) => i.labels['layerscope.fixture'] === role);

describe('engine: images', () => {
  let engine: Engine;
  let images: ImageSummary[];
  before(async () => {
    engine = testEngine();
    images = await engine.listImages({});
  });

  it('lists every fixture image, multi under both tags with one ID', () => {
    const tags = images.flatMap((i) => i.repoTags);
    for (const t of ['base:1', 'multi:1', 'multi:latest', 'small:1', 'shared:1', 'dangling:1', 'hostile:1']) {
      assert.ok(tags.includes(`layerscope-fixture/${t}`), `missing layerscope-fixture/${t}`);
    }
    const [multi] = fixture(images, 'multi');
    assert.deepEqual(multi.repoTags.sort(), ['layerscope-fixture/multi:1', 'layerscope-fixture/multi:latest']);
    assert.equal(multi.size, 7238421);
    assert.match(multi.id, /^sha256:[0-9a-f]{64}$/);
    assert.equal(fixture(images, 'small')[0].size, 6);
  });

  it('API 1.41 list leaves shared size and container count uncomputed (undefined, not -1)', () => {
    const [multi] = fixture(images, 'multi');
    assert.equal(multi.sharedSize, undefined);
    assert.equal(multi.containers, undefined);
  });

  it('the dangling filter returns the one untagged fixture and nothing tagged', async () => {
    const dangling = await engine.listImages({ dangling: true });
    assert.ok(dangling.every((i) => i.repoTags.length === 0));
    // Other tests may leave images built FROM the base fixture (which inherit its labels), so look
    // only at the roles the fixture set defines.
    const roles = dangling.map((i) => i.labels['layerscope.fixture']);
    assert.equal(roles.filter((r) => r === 'dangling-old').length, 1);
    for (const tagged of ['multi', 'small', 'shared', 'dangling-new', 'hostile']) assert.ok(!roles.includes(tagged), tagged);
    assert.equal(dangling.find((i) => i.labels['layerscope.fixture'] === 'dangling-old')!.size, 1985476);
  });

  it('all=true adds the legacy builder\'s intermediate images, and multi has a parent', async () => {
    const all = await engine.listImages({ all: true });
    assert.ok(all.length > images.length, `${all.length} should exceed ${images.length}`);
    const [multi] = fixture(images, 'multi');
    assert.ok(all.some((i) => i.id === multi.parentId), 'the parent of multi is listed with all=true');
  });

  it('history of multi: 12 entries, newest first, with the 5 MiB layer and the whiteouts', async () => {
    const history = await engine.imageHistory('layerscope-fixture/multi:1');
    assert.deepEqual(history.map((h) => h.size), [0, 0, 0, 15, 4, 0, 5242880, 9, 10041, 0, 3216, 1982256]);
    assert.match(history[6].createdBy, /dd if=\/dev\/zero of=\/big\.bin bs=1048576 count=5$/);
    assert.match(history[5].createdBy, /rm \/big\.bin$/);
    assert.deepEqual(history[0].tags.sort(), ['layerscope-fixture/multi:1', 'layerscope-fixture/multi:latest']);
  });

  it('inspect returns the raw JSON; hostile text arrives verbatim', async () => {
    const multi = await engine.inspectImage('layerscope-fixture/multi:latest');
    assert.equal((multi.RootFS as { Layers: string[] }).Layers.length, 9);
    const hostile = await engine.inspectImage('layerscope-fixture/hostile:1');
    assert.equal((hostile.Config as { Labels: Record<string, string> }).Labels.description, '<img src=x onerror=alert(1)>');
    const history = await engine.imageHistory('layerscope-fixture/hostile:1');
    assert.ok(history.some((h) => h.createdBy.includes("echo '<img src=x onerror=alert(1)>'")));
  });

  it('a missing image is notFound with the engine\'s message', async () => {
    await assert.rejects(engine.inspectImage('layerscope-nope:1'), (e: EngineError) =>
      e instanceof EngineError && e.code === 'notFound' && e.message === 'No such image: layerscope-nope:1');
  });

  it('tag then remove a throwaway tag: removal reports exactly the untag', async () => {
    const repo = throwawayName('tag');
    await engine.tagImage('layerscope-fixture/small:1', repo, 'v1');
    const tagged = await engine.listImages({});
    assert.ok(tagged.some((i) => i.repoTags.includes(`${repo}:v1`)));
    const removed = await engine.removeImage(`${repo}:v1`, {});
    assert.deepEqual(removed, [{ kind: 'untagged', ref: `${repo}:v1` }]);
    const after = await engine.listImages({});
    assert.ok(!after.some((i) => i.repoTags.includes(`${repo}:v1`)));
    assert.ok(after.some((i) => i.repoTags.includes('layerscope-fixture/small:1')), 'the fixture keeps its own tag');
  });

  it('removing an image by ID that two tags and a container use is a conflict, and nothing is removed', async () => {
    const [multi] = fixture(images, 'multi');
    await assert.rejects(engine.removeImage(multi.id, {}), (e: EngineError) =>
      e instanceof EngineError && e.code === 'conflict' && e.statusCode === 409 && /^Conflict: unable to delete [0-9a-f]{12} \((must|cannot) be forced\)/.test(e.message));
    const inspect = await engine.inspectImage(multi.id);
    assert.deepEqual((inspect.RepoTags as string[]).sort(), ['layerscope-fixture/multi:1', 'layerscope-fixture/multi:latest']);
  });

  it('save streams a tar with manifest.json naming the image', async () => {
    const stream = await engine.saveImages(['layerscope-fixture/small:1']);
    const entries = new Map<string, Buffer>();
    const extract = tar.extract();
    extract.on('entry', (header, body, next) => {
      readAll(body).then((b) => { entries.set(header.name, b); next(); }, next);
    });
    await new Promise<void>((resolve, reject) => {
      extract.on('finish', resolve);
      extract.on('error', reject);
      stream.on('error', reject);
      stream.pipe(extract);
    });
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as { RepoTags: string[]; Layers: string[] }[];
    assert.deepEqual(manifest[0].RepoTags, ['layerscope-fixture/small:1']);
    assert.equal(manifest[0].Layers.length, 1);
    assert.ok(entries.has(manifest[0].Layers[0]), 'the layer tar is in the archive');
  });

  it('aborting a save mid-stream ends it with an error and frees the connection', async () => {
    const controller = new AbortController();
    const stream = await engine.saveImages(['layerscope-fixture/multi:1'], controller.signal);
    const got = await new Promise<string>((resolve) => {
      stream.once('data', () => controller.abort());
      stream.on('error', (e) => resolve(e instanceof EngineError ? e.code : e.name));
      stream.on('end', () => resolve('end'));
    });
    assert.equal(got, 'aborted');
    await engine.ping(); // the engine still answers
  });

  it('load restores a saved, then removed, image and reports it', async () => {
    const repo = throwawayName('load');
    await engine.tagImage('layerscope-fixture/small:1', repo, '1');
    const archive = await readAll(await engine.saveImages([`${repo}:1`]));
    await engine.removeImage(`${repo}:1`, {});
    const text = await engine.loadImages(Readable.from([archive]));
    assert.match(text, new RegExp(`Loaded image: ${repo}:1`));
    const removed = await engine.removeImage(`${repo}:1`, {});
    assert.deepEqual(removed, [{ kind: 'untagged', ref: `${repo}:1` }]);
  });

  it('a load of something that is not an image archive fails with the engine\'s reason', async () => {
    await assert.rejects(engine.loadImages(Readable.from([Buffer.from('not a tar')])), (e: EngineError) =>
      e instanceof EngineError && /load|tar|manifest|EOF/i.test(e.message));
  });
});
