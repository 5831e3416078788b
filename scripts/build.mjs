// Bundles the three entry points: the extension host code, the CLI, and the webview's browser code.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // ssh2 (via dockerode) optionally loads native helpers; both have pure-JS fallbacks.
  external: ['vscode', 'cpu-features', './crypto/build/Release/sshcrypto.node'],
};

const builds = [
  { ...node, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js' },
  { ...node, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The lint core alone (what bench/lint.bench.mjs measures, without the CLI or extension around it).
  { ...node, entryPoints: ['src/lint/index.ts'], outfile: 'dist/lint.js' },
  // The insight room and what its benchmark compares it with (bench/insight.bench.mjs).
  { ...node, entryPoints: ['bench/fixtures/insightEntry.ts'], outfile: 'dist/bench-insight.js' },
];
if (existsSync('webview-ui/main.ts')) {
  builds.push({
    bundle: true, platform: 'browser', target: 'es2022', format: 'iife', sourcemap: !production,
    minify: production, logLevel: 'warning', entryPoints: ['webview-ui/main.ts'], outfile: 'media/webview.js',
  });
}

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
