// Dockerfile ↔ image on the real engine, both builders: the planted fixture (test/rig/fixtures/insight)
// built with the legacy builder and with BuildKit; `layerscope history --json` against the saved
// config's empty_layer flags; the link line by line; measured findings with exact bytes and layers.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { analyzeImage, type ImageAnalysis } from '../../src/analysis';
import { readImageConfig } from '../../src/analysis/configReader';
import type { Engine } from '../../src/docker/engine';
import { linkDockerfile, measuredFindings, savingsReport, summarize, type ImageInsight } from '../../src/insight';
import { diffIdsFromInspect } from '../../src/model/history';
import { mapSteps } from '../../src/model/layerSteps';
import { buildInsightImage, makeInsightContext, PLANTED, type Builder, type InsightContext } from '../rig/fixtures/insight/context';
import { docker, dockerHost, testEngine, throwawayName } from './helpers';

const run = promisify(execFile);

interface Built { tag: string; chainTag: string; analysis: ImageAnalysis; insight: ImageInsight; config: Awaited<ReturnType<typeof readImageConfig>> }

describe('engine: Dockerfile insight on images built with both builders', function () {
  this.timeout(240_000);
  let engine: Engine;
  let ctx: InsightContext;
  const built = new Map<Builder, Built>();
  const dockerfile = readFileSync(`${__dirname}/../rig/fixtures/insight/Dockerfile`, 'utf8');
  const chainfile = readFileSync(`${__dirname}/../rig/fixtures/insight/chain.Dockerfile`, 'utf8');

  before(async () => {
    engine = testEngine();
    ctx = makeInsightContext();
    for (const builder of ['legacy', 'buildkit'] as const) {
      const tag = `${throwawayName(`insight-${builder}`)}:1`;
      const chainTag = `${throwawayName(`insight-chain-${builder}`)}:1`;
      await buildInsightImage(dockerHost(), ctx, tag, builder);
      await buildInsightImage(dockerHost(), ctx, chainTag, builder, 'chain.Dockerfile');
      const analysis = await analyzeImage(await engine.saveImages([tag]));
      const config = await readImageConfig(await engine.saveImages([tag]));
      built.set(builder, { tag, chainTag, analysis, insight: summarize(analysis), config });
    }
  });

  after(() => {
    for (const b of built.values()) {
      for (const t of [b.tag, b.chainTag]) { try { docker('rmi', '-f', t); } catch { /* gone */ } }
    }
    ctx?.remove();
  });

  for (const builder of ['legacy', 'buildkit'] as const) {
    describe(builder, () => {
      it('layerscope history --json agrees with the saved config, step by step', async () => {
        for (const pick of ['tag', 'chainTag'] as const) {
          const image = built.get(builder)![pick];
          const { stdout } = await run(process.execPath, ['dist/cli.js', 'history', '--json', image], { env: process.env });
          const rows = JSON.parse(stdout) as { step: number; emptyLayer: boolean; layer: number | null; instruction: string; size: number }[];
          const config = pick === 'tag' ? built.get(builder)!.config : await readImageConfig(await engine.saveImages([image]));
          assert.deepEqual(rows.map((r) => r.emptyLayer), config.emptyLayers);
          let layer = 0;
          assert.deepEqual(rows.map((r) => r.layer), config.emptyLayers.map((e) => (e ? null : layer++)));
          assert.equal(layer, config.diffIds.length);
          // Without the save stream: the legacy builder's step images settle it too; BuildKit is exact anyway.
          const cheap = await run(process.execPath, ['dist/cli.js', 'history', '--json', '--no-config', image], { env: process.env });
          assert.deepEqual(JSON.parse(cheap.stdout), rows);
        }
      });

      it('maps steps exactly from the cheap data where it can, and never wrongly', async () => {
        const { tag, config } = built.get(builder)!;
        const [inspect, history] = await Promise.all([engine.inspectImage(tag), engine.imageHistory(tag)]);
        const mapping = mapSteps(history, diffIdsFromInspect(inspect));
        // Legacy: WORKDIR /app and `rm` made 0-byte layers, `RUN true` none — /history cannot tell which.
        assert.equal(mapping.exact, builder === 'buildkit', mapping.reason);
        mapping.steps.forEach((s, i) => {
          if (s.emptyLayer !== undefined) assert.equal(s.emptyLayer, config.emptyLayers[i], s.createdBy);
        });
        assert.deepEqual(mapping.steps.map((s) => s.instruction),
          ['COPY', 'SHELL', 'RUN', 'ARG', 'ENV', 'WORKDIR', 'COPY', 'RUN', 'RUN', 'RUN', 'COPY', 'COPY', 'RUN', 'LABEL', 'CMD']);
        assert.equal(mapping.steps[7].createdBy, 'RUN mkdir -p /var/cache/apk && dd if=/dev/zero of=/var/cache/apk/APKINDEX.fake.tar.gz bs=1024 count=$CACHE_KB');
      });

      it('links the planted Dockerfile line by line (0-based lines → layers)', async () => {
        const { tag, insight } = built.get(builder)!;
        const [inspect, history] = await Promise.all([engine.inspectImage(tag), engine.imageHistory(tag)]);
        const steps = mapSteps(history, diffIdsFromInspect(inspect), insight.emptyLayers).steps;
        const link = linkDockerfile(dockerfile, steps);
        assert.equal(link.matched, true);
        assert.deepEqual(link.targetStage, { index: 1, line: 6 });
        const layerOf = Object.fromEntries(link.instructions.filter((r) => r.step !== undefined).map((r) => [r.line, r.layer]));
        assert.deepEqual(layerOf, {
          7: 0, 8: null, 9: 1, 10: null, 11: null, 12: 2, 13: 3, 14: 4, 15: 5, 16: 6, 17: 7, 18: 8,
          19: builder === 'buildkit' ? 9 : null, 20: null, 21: null,
        });
        const sizeOf = Object.fromEntries(link.instructions.map((r) => [r.line, r.size]));
        assert.equal(sizeOf[14], PLANTED.apkCacheBytes);
        assert.equal(sizeOf[15], PLANTED.bigBinBytes);
        assert.equal(sizeOf[18], PLANTED.toolBinBytes);
        assert.equal(sizeOf[2], undefined, 'the tools stage is not in the image');
      });

      it('links the chain file: the stage built FROM another stage, with the ONBUILD trigger', async () => {
        const { chainTag } = built.get(builder)!;
        const [inspect, history] = await Promise.all([engine.inspectImage(chainTag), engine.imageHistory(chainTag)]);
        const config = await readImageConfig(await engine.saveImages([chainTag]));
        const steps = mapSteps(history, diffIdsFromInspect(inspect), config.emptyLayers).steps;
        const link = linkDockerfile(chainfile, steps);
        assert.equal(link.matched, true);
        assert.deepEqual(link.targetStage, { name: 'final', index: 1, line: 15 });
        const row = (line: number) => link.instructions.find((r) => r.line === line)!;
        assert.equal(row(16).size, PLANTED.finalBinBytes);
        assert.equal(row(16).layer, 6);
        assert.equal(row(3).layer, 0);
        // Both images are not from the other file.
        assert.equal(linkDockerfile(dockerfile, steps).matched, false);
      });

      it('finds the planted problems with their exact bytes, lines and layers', () => {
        const { insight, analysis } = built.get(builder)!;
        const steps = mapSteps(
          [...analysis.history].reverse().map((h) => ({ id: '<missing>', created: 0, createdBy: h.createdByRaw, tags: [], size: 0, comment: '' })),
          analysis.layers.map((l) => l.digest), insight.emptyLayers).steps;
        const link = linkDockerfile(dockerfile, steps);
        const findings = measuredFindings(insight, link, { dockerfileText: dockerfile, largeFileBytes: 1_000_000 });
        const got = findings.map((f) => [f.code, f.range.start.line, f.layer, f.bytes, f.paths]);
        assert.deepEqual(got, [
          ['LS2005', 7, 0, ctx.busyboxBytes, ['/bin/busybox']],
          ['LS2003', 13, 3, ctx.keyBytes, ['/root/.ssh/id_rsa']],
          ['LS2002', 13, 3, ctx.keyBytes, ['/root/.ssh/id_rsa']],
          ['LS2001', 14, 4, PLANTED.apkCacheBytes, ['/var/cache/apk']],
          ['LS2002', 15, 5, PLANTED.bigBinBytes, ['/app/big.bin']],
          ['LS2002', 16, 6, PLANTED.bigBinBytes, ['/app/big.bin']],
          ['LS2002', 16, 6, ctx.keyBytes, ['/root/.ssh/id_rsa']],
          ['LS2004', 17, 7, ctx.gitBytes, ['/app/.git']],
          ['LS2003', 17, 7, ctx.envBytes, ['/app/.env']],
        ]);
        const secret = findings.find((f) => f.code === 'LS2003' && f.range.start.line === 13)!;
        assert.match(secret.message, /\/root\/\.ssh\/id_rsa/);
        assert.ok(!secret.message.includes('PRIVATE KEY') && !secret.message.includes('LAYERSCOPE-TEST-FAKE'), 'never prints the contents');
        const cache = findings.find((f) => f.code === 'LS2001')!;
        assert.equal(cache.fixes?.[0].edits[0].newText, ' && rm -rf /var/cache/apk/*');
        const merge = findings.find((f) => f.code === 'LS2002' && f.range.start.line === 15)!;
        assert.match(merge.fixes?.[0].title ?? '', /Merge with the RUN on line 17/);
        const ignore = findings.find((f) => f.code === 'LS2004')!;
        assert.deepEqual([ignore.fixes?.[0].file, ignore.fixes?.[0].edits[0].newText], ['.dockerignore', 'app/.git\n']);

        const report = savingsReport(insight, link);
        assert.deepEqual(report.items.map((i) => [i.code, i.bytes, i.lines]), [
          ['LS2002', PLANTED.bigBinBytes, [15, 16]],
          ['LS2001', PLANTED.apkCacheBytes, [14]],
          ['LS2004', ctx.gitBytes, [17]],
          ['LS2002', ctx.keyBytes, [13, 16]],
        ]);
        assert.equal(report.total, PLANTED.bigBinBytes + PLANTED.apkCacheBytes + ctx.gitBytes + ctx.keyBytes);
      });

      it('layerscope lint --image and analyze --dockerfile report the same, from a terminal', async function () {
        this.timeout(600_000); // four CLI runs, each reading the image from the engine
        const { tag } = built.get(builder)!;
        const cli = (args: string[]) => run(process.execPath, ['dist/cli.js', ...args], { env: process.env, maxBuffer: 32 * 1024 * 1024 })
          .then((r) => ({ code: 0, ...r }), (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }));
        const file = `${ctx.dir}/Dockerfile`;
        const lint = await cli(['lint', '--no-shellcheck', '--format', 'json', '--image', tag, file]);
        assert.equal(lint.code, 1, lint.stderr);
        const measured = (JSON.parse(lint.stdout) as { code: string; line: number; bytes?: number; paths?: string[]; layer?: number }[])
          .filter((f) => f.code.startsWith('LS2')).map((f) => [f.code, f.line, f.bytes, f.paths, f.layer]);
        assert.deepEqual(measured, [
          ['LS2002', 14, ctx.keyBytes, ['/root/.ssh/id_rsa'], 3],
          ['LS2003', 14, ctx.keyBytes, ['/root/.ssh/id_rsa'], 3],
          ['LS2001', 15, PLANTED.apkCacheBytes, ['/var/cache/apk'], 4],
          ['LS2002', 16, PLANTED.bigBinBytes, ['/app/big.bin'], 5],
          ['LS2002', 17, PLANTED.bigBinBytes, ['/app/big.bin'], 6],
          ['LS2002', 17, ctx.keyBytes, ['/root/.ssh/id_rsa'], 6],
          ['LS2003', 18, ctx.envBytes, ['/app/.env'], 7],
          ['LS2004', 18, ctx.gitBytes, ['/app/.git'], 7],
        ]);
        const sarif = await cli(['lint', '--no-shellcheck', '--format', 'sarif', '--image', tag, file]);
        const results = JSON.parse(sarif.stdout).runs[0].results as { ruleId: string; properties?: { bytes: number } }[];
        assert.deepEqual(results.filter((r) => r.ruleId === 'LS2001').map((r) => r.properties), [{ bytes: PLANTED.apkCacheBytes, paths: ['/var/cache/apk'], layer: 4 }]);

        const analyze = await cli(['analyze', '--json', '--dockerfile', file, tag]);
        assert.equal(analyze.code, 0, analyze.stderr);
        const report = JSON.parse(analyze.stdout) as { instructions: { line: number; layer: number | null; size: number; wastedBytes: number }[]; savings: { total: number }; dockerfile: { matched: boolean } };
        assert.equal(report.dockerfile.matched, true);
        const row = (line: number) => report.instructions.find((r) => r.line === line)!;
        assert.deepEqual([row(16).layer, row(16).size, row(16).wastedBytes], [5, PLANTED.bigBinBytes, PLANTED.bigBinBytes]);
        assert.deepEqual([row(15).layer, row(15).size, row(15).wastedBytes], [4, PLANTED.apkCacheBytes, 0]);
        assert.equal(row(12).layer, null);
        assert.equal(report.savings.total, PLANTED.bigBinBytes + PLANTED.apkCacheBytes + ctx.gitBytes + ctx.keyBytes);
        const markdown = await cli(['analyze', '--format', 'markdown', '--dockerfile', file, tag]);
        assert.match(markdown.stdout, /\| 3\.15 MB \| [^|]*Dockerfile:16, [^|]*Dockerfile:17 \| files written by line 16 \(RUN\)/);
      });
    });
  }
});
