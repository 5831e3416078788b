// The extension as it ships, in a folder: production bundles (minified, no source maps) plus what
// the extension reads at run time. scripts/package.mjs packs it; bench/activation.bench.mjs loads it.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function stageExtension(stage) {
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  execFileSync(process.execPath, ['scripts/build.mjs', '--production', '--root', stage], { cwd: repo, stdio: ['ignore', 'inherit', 'inherit'] });
  for (const entry of ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore', 'docs/rules']) {
    cpSync(path.join(repo, entry), path.join(stage, entry), { recursive: true });
  }
  // The webview's stylesheet and the icons; media/webview.js and media/stats.js were just built into the stage.
  cpSync(path.join(repo, 'media'), path.join(stage, 'media'), {
    recursive: true, filter: (src) => !/(webview|stats)\.js(\.map)?$/.test(src) && !src.includes(`${path.sep}screenshots`),
  });
}
