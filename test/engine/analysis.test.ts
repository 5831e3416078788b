// The analysis core on real `docker save` streams of the fixture images (test/rig/fixtures/README.md),
// read from the engine, from a file, and as OCI archives with gzip and zstd layers written by skopeo.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import {
  AnalysisError, analyzeArchive, analyzeImage, compareImages, toJsonReport,
  type ImageAnalysis,
} from '../../src/analysis';
import { createEngine } from '../../src/docker/connect';
import type { Engine } from '../../src/docker/engine';
import { assertMulti } from './multiFixture';

const run = promisify(execFile);
const multi = 'layerscope-fixture/multi:1';
describe('analysis on the real engine', function () {
  this.timeout(120_000);
  let engine: Engine;
  let work: string;
  let viaEngine: ImageAnalysis;

  before(async () => {
    assert.ok(process.env.DOCKER_HOST, 'run under test/rig/with-dockerd.sh');
    engine = createEngine({ setting: '', env: process.env, homeDir: homedir() });
    work = mkdtempSync(join(tmpdir(), 'layerscope-analysis-'));
    viaEngine = await analyzeImage(await engine.saveImages([multi]), { image: multi });
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('analyses multi:1 from the save stream with the expected numbers', async () => {
    assertMulti(viaEngine);
    assert.equal(viaEngine.layout, 'legacy');
    assert.deepEqual(viaEngine.repoTags, ['layerscope-fixture/multi:1'], 'docker save of one tag carries that tag only');
    const inspect = await engine.inspectImage(multi) as { Id: string; RootFS: { Layers: string[] } };
    assert.equal(viaEngine.id, inspect.Id);
    assert.deepEqual(viaEngine.layers.map((l) => l.digest), inspect.RootFS.Layers);
  });

  it('reads the same from a file written from the save stream', async () => {
    const file = join(work, 'multi.tar');
    await pipeline(await engine.saveImages([multi]), createWriteStream(file));
    const fromFile = await analyzeImage(createReadStream(file), { image: multi });
    assert.deepEqual(toJsonReport(fromFile), toJsonReport(viaEngine));
  });

  // What Debian's skopeo 1.9 writes: OCI archives always compressed (gzip or zstd), docker-archives
  // always plain (`<digest>.tar` layers, `<digest>.json` config). The other combinations are built
  // by the unit tests (test/unit/analysis/layouts.test.ts).
  for (const [transport, compression] of [['oci-archive', 'gzip'], ['oci-archive', 'zstd'], ['docker-archive', 'none']] as const) {
    {
      it(`reads a skopeo ${transport} with ${compression} layers`, async () => {
        const file = join(work, `multi-${transport}-${compression}.tar`);
        const how = compression === 'none' ? [] : ['--dest-compress-format', compression];
        await run('skopeo', ['copy', '--quiet', '--src-daemon-host', process.env.DOCKER_HOST!, ...how,
          `docker-daemon:${multi}`, `${transport}:${file}${transport === 'docker-archive' ? `:${multi}` : ''}`]);
        const read = await analyzeImage(createReadStream(file));
        assertMulti(read);
        assert.equal(read.layout, transport === 'oci-archive' ? 'oci' : 'legacy');
        assert.deepEqual(read.layers.map((l) => l.compression), read.layers.map(() => compression), 'the layers as skopeo wrote them');
        if (compression !== 'none') assert.ok(read.layers.every((l) => l.blobBytes < l.tarBytes + 1024), 'layers really compressed');
        assert.deepEqual(read.layers.map((l) => l.digest), viaEngine.layers.map((l) => l.digest));
        assert.deepEqual({ ...toJsonReport(read), image: '' }, { ...toJsonReport(viaEngine), image: '' });
      });
    }
  }

  it('a one-file image has efficiency 1', async () => {
    const small = await analyzeImage(await engine.saveImages(['layerscope-fixture/small:1']));
    assert.deepEqual(small.layers.map((l) => [l.sizeBytes, l.added]), [[6, 1]]);
    assert.equal(small.efficiency, 1);
    assert.deepEqual(small.largestFiles.map((f) => f.path), ['hello.txt']);
  });

  it('keeps hostile file names as plain text paths', async () => {
    const hostile = await analyzeImage(await engine.saveImages(['layerscope-fixture/hostile:1']));
    const last = hostile.layers[hostile.layers.length - 1];
    assert.ok(last.changes.some((c) => c.path === 'hostile/<img src=x onerror=alert(1)>.html'));
  });

  it('compares two images saved in one stream: shared base, one file apart', async () => {
    const [base, shared] = await analyzeArchive(await engine.saveImages(['layerscope-fixture/base:1', 'layerscope-fixture/shared:1']));
    const byTag = (a: ImageAnalysis, tag: string): boolean => a.repoTags.includes(tag);
    const [a, b] = byTag(base, 'layerscope-fixture/base:1') ? [base, shared] : [shared, base];
    const c = compareImages(a, b);
    assert.equal(c.commonBaseLayers, 2);
    assert.equal(c.onlyInA.length, 0);
    assert.equal(c.onlyInB.length, 1);
    assert.deepEqual(c.filesAdded, [{ path: 'shared.txt', sizeBytes: 7 }]);
    assert.deepEqual(c.filesRemoved, []);
  });

  it('cancels a running analysis of a save stream', async () => {
    const controller = new AbortController();
    const started = analyzeImage(await engine.saveImages([multi], controller.signal), {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await assert.rejects(started, (err: unknown) => err instanceof AnalysisError && err.code === 'aborted');
  });

  describe('layerscope analyze (the built CLI)', () => {
    const cli = (args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
      run(process.execPath, ['dist/cli.js', 'analyze', ...args]).then(
        (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
      );

    it('--json prints exactly one object with the documented numbers', async () => {
      const r = await cli(['--json', multi]);
      assert.equal(r.code, 0, r.stderr);
      const report = JSON.parse(r.stdout);
      assert.deepEqual(report, { ...toJsonReport(viaEngine), image: multi });
      assert.equal(report.wastedBytes, 5_242_887);
      const verified = await cli(['--json', '--verify', multi]);
      assert.equal(verified.code, 0, verified.stderr);
      assert.deepEqual(JSON.parse(verified.stdout), report);
    });

    it('--ci exits 1 when a rule fails and 0 when all pass, naming each rule', async () => {
      const failing = await cli(['--ci', '--highest-wasted-bytes', '5MB', multi]);
      assert.equal(failing.code, 1);
      assert.match(failing.stdout, /FAIL {2}highest-wasted-bytes: wasted 5\.24 MB \(5242887 bytes\) exceeds the highest allowed 5 MB/);
      const passing = await cli(['--ci', '--highest-wasted-bytes', '6MB', '--lowest-efficiency', '0.2', '--highest-user-wasted-percent', '1', multi]);
      assert.equal(passing.code, 0, passing.stdout);
      assert.match(passing.stdout, /all 3 rules passed/);
      const defaults = await cli(['--ci', multi]);
      assert.equal(defaults.code, 1);
      assert.match(defaults.stdout, /FAIL {2}lowest-efficiency: efficiency 0\.2754 is below the lowest allowed 0\.9/);
    });

    it('--source archive needs no engine; a missing image or engine exits 2 with a message', async () => {
      const file = join(work, 'multi-cli.tar');
      await pipeline(await engine.saveImages([multi]), createWriteStream(file));
      const offline = await run(process.execPath, ['dist/cli.js', 'analyze', '--source', 'archive', '--json', file],
        { env: { ...process.env, DOCKER_HOST: 'unix:///nonexistent.sock' } });
      assert.equal(JSON.parse(offline.stdout).wastedBytes, 5_242_887);
      const missing = await cli(['layerscope-fixture/nope:1']);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /no image 'layerscope-fixture\/nope:1' on the engine/);
      const noEngine = await run(process.execPath, ['dist/cli.js', 'analyze', multi], { env: { ...process.env, DOCKER_HOST: 'unix:///nonexistent.sock' } })
        .then(() => ({ code: 0, stderr: '' }), (e: { code: number; stderr: string }) => e);
      assert.equal(noEngine.code, 2);
      assert.match(noEngine.stderr, /not reachable at unix:\/\/\/nonexistent\.sock/);
    });
  });
});
