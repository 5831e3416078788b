// Bundles test/integration/index.ts and every test/integration/*.test.ts into out/test/integration/
// (vscode and mocha stay external: the extension host provides the first, the repo the second).
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

export async function compileIntegrationTests(repo) {
  const srcDir = path.join(repo, 'test/integration');
  const outDir = path.join(repo, 'out/test/integration');
  const entries = fs.readdirSync(srcDir).filter((f) => f === 'index.ts' || f.endsWith('.test.ts')).map((f) => path.join(srcDir, f));
  fs.rmSync(outDir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: entries, outdir: outDir, bundle: true, platform: 'node', target: 'node20', format: 'cjs',
    sourcemap: 'inline', logLevel: 'warning', external: ['vscode', 'mocha'],
  });
  return { outDir, entry: path.join(outDir, 'index.js'), count: entries.length - 1 };
}
