// A container's own layer and files against the real test daemon: sizes, changes, commit, export,
// the archive endpoints (stat, get, put), exec, and the two directory listings.
import * as assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import * as tar from 'tar-stream';
import { listContainerDir, readContainerFile } from '../../src/docker/containerFiles';
import { type Engine, EngineError } from '../../src/docker/engine';
import { analyzeImage } from '../../src/analysis';
import { changesTree } from '../../src/model/containerLayer';
import { imageWithContainerLayer } from '../../src/webview/containerOverlay';
import { createThrowawayContainer, docker, readAll, testEngine, throwawayName, waitFor } from './helpers';

/** Writes, changes and deletes known files, then idles (stops at once on SIGTERM). */
export const WRITER = [
  'echo hello-new > /app/new.txt',
  'echo appended >> /app/hello.txt',
  'rm /app/tenk.txt',
  'mkdir -p /made/deep && printf 12345 > /made/deep/five.txt',
  'ln -s /app/new.txt /made/link',
  'mkfifo /made/fifo',
  'touch /ready',
  'trap "exit 0" TERM; while true; do sleep 1; done',
].join('; ');

async function tarEntries(stream: Readable): Promise<Map<string, { type: string; body: string }>> {
  const out = new Map<string, { type: string; body: string }>();
  const extract = tar.extract();
  const done = new Promise<void>((resolve, reject) => { extract.on('finish', resolve); extract.on('error', reject); });
  extract.on('entry', (h, body, next) => {
    const chunks: Buffer[] = [];
    body.on('data', (c: unknown) => chunks.push(c as Buffer));
    body.on('end', () => { out.set(h.name, { type: h.type ?? '', body: Buffer.concat(chunks).toString() }); next(); });
  });
  stream.pipe(extract);
  await done;
  return out;
}

describe('engine: a container\'s own layer and files', () => {
  let engine: Engine;
  let id: string;
  const created: string[] = [];
  const images: string[] = [];

  before(async () => {
    engine = testEngine();
    id = createThrowawayContainer(throwawayName('layer'), WRITER);
    created.push(id);
    await engine.startContainer(id);
    await waitFor('the writer to finish', async () => (await engine.statContainerPath(id, '/ready').catch(() => undefined)) !== undefined, 20000);
  });
  after(() => {
    for (const c of created) { try { docker('rm', '-f', c); } catch { /* gone */ } }
    for (const i of images) { try { docker('rmi', '-f', i); } catch { /* gone */ } }
  });

  it('containerChanges lists exactly what the container added, changed and deleted', async () => {
    const changes = await engine.containerChanges(id);
    const text = changes.map((c) => `${c.kind} ${c.path}`).sort();
    assert.deepEqual(text, [
      'added /made', 'added /made/deep', 'added /made/deep/five.txt', 'added /made/fifo', 'added /made/link', 'added /ready',
      'added /app/new.txt', 'deleted /app/tenk.txt', 'modified /app', 'modified /app/hello.txt',
    ].sort());
  });

  it('containerSize gives SizeRw (the bytes written) and SizeRootFs (image + layer)', async () => {
    const size = await engine.containerSize(id);
    const image = (await engine.listImages({})).find((i) => i.repoTags.includes('layerscope-fixture/multi:1'))!;
    // hello.txt is copied up whole (22 + 9 B), new.txt 10 B, five.txt 5 B; /ready 0 B; the link target text 12 B.
    assert.ok(size.sizeRw >= 22 + 9 + 10 + 5 && size.sizeRw < 4096, String(size.sizeRw));
    assert.ok(size.sizeRootFs >= image.size && size.sizeRootFs <= image.size + size.sizeRw + 4096, `${size.sizeRootFs} vs ${image.size}`);
  });

  it('statContainerPath describes files, dirs, symlinks and special files; a missing path is notFound', async () => {
    const file = await engine.statContainerPath(id, '/made/deep/five.txt');
    assert.deepEqual({ kind: file.kind, size: file.size, name: file.name }, { kind: 'file', size: 5, name: 'five.txt' });
    assert.equal((await engine.statContainerPath(id, '/made')).kind, 'dir');
    const link = await engine.statContainerPath(id, '/made/link');
    assert.deepEqual({ kind: link.kind, target: link.linkTarget }, { kind: 'symlink', target: '/app/new.txt' });
    assert.equal((await engine.statContainerPath(id, '/made/fifo')).kind, 'pipe');
    await assert.rejects(engine.statContainerPath(id, '/no/such/path'), (e: EngineError) =>
      e.code === 'notFound' && /\/no\/such\/path does not exist/.test(e.message));
  });

  it('changesTree sizes the changes from stats: files by content, dirs by what changed below', async () => {
    const changes = await engine.containerChanges(id);
    const stats = new Map(await Promise.all(changes.filter((c) => c.kind !== 'deleted').map(async (c) => [c.path, await engine.statContainerPath(id, c.path)] as const)));
    const tree = changesTree(changes, stats);
    const made = tree.children.find((n) => n.name === 'made')!;
    assert.equal(made.kind, 'added');
    assert.equal(made.size, 5 + 12); // five.txt and the link (its size is its target's length)
    const app = tree.children.find((n) => n.name === 'app')!;
    assert.deepEqual(app.children.map((n) => `${n.name}:${n.kind}:${n.size ?? '-'}`), ['hello.txt:modified:31', 'new.txt:added:10', 'tenk.txt:deleted:-']);
  });

  it('getContainerArchive streams a file as a one-entry tar; readContainerFile follows a symlink', async () => {
    const entries = await tarEntries(await engine.getContainerArchive(id, '/app/hello.txt'));
    assert.deepEqual([...entries.keys()], ['hello.txt']);
    assert.equal(entries.get('hello.txt')!.body, 'hello from layerscope\nappended\n');
    const viaLink = await readContainerFile(engine, id, '/made/link', 1000);
    assert.equal(viaLink.bytes.toString(), 'hello-new\n');
    const cut = await readContainerFile(engine, id, '/app/hello.txt', 5);
    assert.deepEqual({ text: cut.bytes.toString(), truncated: cut.truncated }, { text: 'hello', truncated: true });
    await assert.rejects(readContainerFile(engine, id, '/made/fifo', 1000), /is a pipe, not a regular file/);
  });

  it('putContainerArchive copies a file in (running container); the archive reads it back', async () => {
    const pack = tar.pack();
    pack.entry({ name: 'uploaded.txt', mode: 0o640 }, 'from the test\n');
    pack.finalize();
    await engine.putContainerArchive(id, '/made', Readable.from(pack, { objectMode: false }));
    assert.equal((await readContainerFile(engine, id, '/made/uploaded.txt', 100)).bytes.toString(), 'from the test\n');
    const bad = tar.pack();
    bad.entry({ name: 'x.txt' }, 'x');
    bad.finalize();
    await assert.rejects(engine.putContainerArchive(id, '/no/such/dir', Readable.from(bad, { objectMode: false })), (e: EngineError) => e.code === 'notFound');
  });

  it('execInContainer returns exit code and both outputs', async () => {
    const r = await engine.execInContainer(id, ['sh', '-c', 'echo out; echo err >&2; exit 7']);
    assert.deepEqual({ code: r.exitCode, out: r.stdout.toString(), err: r.stderr.toString() }, { code: 7, out: 'out\n', err: 'err\n' });
  });

  it('lists a directory the same way by exec (running) and by archive headers, symlinks and fifos included', async () => {
    const byExec = await listContainerDir(engine, id, '/made', { running: true, method: 'exec', maxArchiveEntries: 1000 });
    const byArchive = await listContainerDir(engine, id, '/made', { running: true, method: 'archive', maxArchiveEntries: 1000 });
    const shape = (l: typeof byExec) => l.entries.map((e) => `${e.name}:${e.kind}:${e.kind === 'file' ? e.size : ''}:${e.linkTarget ?? ''}`);
    assert.equal(byExec.method, 'exec');
    assert.equal(byArchive.method, 'archive');
    assert.deepEqual(shape(byExec), ['deep:dir::', 'fifo:pipe::', 'link:symlink::/app/new.txt', 'uploaded.txt:file:14:']);
    assert.deepEqual(shape(byExec), shape(byArchive));
    // The archive also knows the bytes below a directory.
    assert.equal(byArchive.entries.find((e) => e.name === 'deep')!.size, 5);
    const root = await listContainerDir(engine, id, '/', { running: true, method: 'auto', maxArchiveEntries: 1000 });
    assert.equal(root.method, 'exec');
    for (const name of ['app', 'bin', 'made', 'ready']) assert.ok(root.entries.some((e) => e.name === name), name);
  });

  it('a stopped container is listed from the archive (auto), and a capped listing says it was cut', async () => {
    const exited = (await engine.listContainers({ all: true })).find((c) => c.names.includes('layerscope-fixture-exited'))!;
    const listing = await listContainerDir(engine, exited.id, '/app', { running: false, method: 'auto', maxArchiveEntries: 1000 });
    assert.equal(listing.method, 'archive');
    assert.deepEqual(listing.entries.map((e) => e.name), ['data', 'config.txt', 'hello.txt', 'run.sh', 'tenk.txt']);
    assert.equal(listing.entries.find((e) => e.name === 'tenk.txt')!.size, 10000);
    const cut = await listContainerDir(engine, exited.id, '/bin', { running: false, method: 'archive', maxArchiveEntries: 20 });
    assert.equal(cut.truncated, true);
    assert.ok(cut.entries.length > 0 && cut.entries.length < 20, String(cut.entries.length));
  });

  it('ls errors are said, not crashed on: a missing directory by exec is notFound', async () => {
    await assert.rejects(listContainerDir(engine, id, '/no-such-dir', { running: true, method: 'exec', maxArchiveEntries: 10 }),
      (e: EngineError) => e.code === 'notFound' && /Cannot list \/no-such-dir/.test(e.message));
  });

  it('commitContainer makes an image whose top layer holds the changes; pause=false leaves it running', async () => {
    const repo = `layerscope-throwaway/commit-${process.pid}`;
    const imageId = await engine.commitContainer(id, { repo, tag: 't1', author: 'Test <t@example.org>', message: 'from the engine test', pause: false });
    images.push(imageId);
    const inspect = await engine.inspectImage(imageId);
    assert.deepEqual(inspect.RepoTags, [`${repo}:t1`]);
    assert.equal(inspect.Author, 'Test <t@example.org>');
    assert.equal(inspect.Comment, 'from the engine test');
    const history = await engine.imageHistory(imageId);
    assert.equal(history[0].comment, 'from the engine test');
    assert.equal((await engine.getContainer(id))?.state, 'running');
  });

  it('exportContainer streams the whole filesystem; aborting ends the stream as aborted', async () => {
    const entries = await tarEntries(await engine.exportContainer(id));
    assert.equal(entries.get('app/new.txt')?.body, 'hello-new\n');
    assert.ok(!entries.has('app/tenk.txt'));
    assert.equal(entries.get('bin/busybox')?.type, 'file');
    const abort = new AbortController();
    const stream = await engine.exportContainer(id, abort.signal);
    abort.abort();
    await assert.rejects(readAll(stream), (e: EngineError) => e.code === 'aborted');
  });

  it('the image with the container\'s layer on top analyses like a commit of it (Compare with Image), nothing committed', async () => {
    const imagesBefore = (await engine.listImages({ all: true })).length;
    const inspect = await engine.inspectContainer(id);
    const imageId = String(inspect.Image);
    const analysis = await analyzeImage(await imageWithContainerLayer(engine, imageId, { containerId: id, name: 'writer' }), { image: imageId });
    assert.equal(analysis.layers.length, 10);
    const top = analysis.layers[9];
    assert.match(top.createdBy, /container writer \(its writable layer, not committed\)/);
    const seen = top.changes.map((c) => `${c.change} ${c.path} ${c.kind}`).sort();
    // /app was re-stored unchanged (not a change); the fifo and the symlink are in the layer as what they are.
    assert.deepEqual(seen, [
      'added app/new.txt file', 'added made dir', 'added made/deep dir', 'added made/deep/five.txt file', 'added made/fifo other',
      'added made/link symlink', 'added made/uploaded.txt file', 'added ready file', 'modified app/hello.txt file', 'removed app/tenk.txt file',
    ]);
    assert.equal(top.changes.find((c) => c.path === 'app/hello.txt')!.size, 31);
    // The old hello.txt (22 B) and tenk.txt (10,000 B) are hidden by this layer: wasted in the layers below.
    assert.equal(analysis.wastedBytes, 5_242_887 + 22 + 10_000);
    assert.equal((await engine.listImages({ all: true })).length, imagesBefore);
  });

  it('a folder the container\'s user cannot read: the exec listing says so in words; the archive (read as root) lists it', async () => {
    const other = createThrowawayContainer(throwawayName('uid'), 'trap "exit 0" TERM; while true; do sleep 1; done', ['--user', '1000:1000']);
    created.push(other);
    await engine.startContainer(other);
    const pack = tar.pack();
    pack.entry({ name: 'private/', type: 'directory', mode: 0o700, uid: 0, gid: 0 });
    pack.entry({ name: 'private/secret.txt', mode: 0o600, uid: 0, gid: 0 }, 'x');
    pack.finalize();
    await engine.putContainerArchive(other, '/', Readable.from(pack, { objectMode: false }));
    await assert.rejects(listContainerDir(engine, other, '/private', { running: true, method: 'auto', maxArchiveEntries: 100 }),
      (e: EngineError) => e.code === 'permission' && /Cannot list \/private: .*Permission denied/.test(e.message));
    const root = await listContainerDir(engine, other, '/', { running: true, method: 'auto', maxArchiveEntries: 100 });
    assert.deepEqual(root.entries.find((e) => e.name === 'private')?.mode, 0o700);
    const byArchive = await listContainerDir(engine, other, '/private', { running: true, method: 'archive', maxArchiveEntries: 100 });
    assert.deepEqual(byArchive.entries.map((e) => e.name), ['secret.txt']);
  });

  it('a removed container: every call says notFound', async () => {
    await assert.rejects(engine.containerChanges('layerscope-no-such-container'), (e: EngineError) => e.code === 'notFound');
    await assert.rejects(engine.containerSize('layerscope-no-such-container'), (e: EngineError) => e.code === 'notFound');
    await assert.rejects(engine.getContainerArchive('layerscope-no-such-container', '/'), (e: EngineError) => e.code === 'notFound' && /The container was removed/.test(e.message));
  });
});

