// `npm run package`: the .vsix people install. Builds minified bundles without source maps into a
// staging folder (.package/, so the development build in dist/ with its maps stays as it is), copies
// what the extension reads at run time, and packs that folder with vsce. What ships is decided by
// .vscodeignore (an allow-list); test/unit/package.test.ts checks the result.
// Usage: node scripts/package.mjs [OUT.vsix]   (default layerscope.vsix)
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.resolve(process.argv[2] ?? path.join(repo, 'layerscope.vsix'));
const stage = path.join(repo, '.package');

rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
run(process.execPath, ['scripts/build.mjs', '--production', '--root', stage], repo);
for (const entry of ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore', 'docs/rules']) {
  cpSync(path.join(repo, entry), path.join(stage, entry), { recursive: true });
}
// The webview's stylesheet and the icons; media/webview.js was just built into the stage.
cpSync(path.join(repo, 'media'), path.join(stage, 'media'), {
  recursive: true, filter: (src) => !/webview\.js(\.map)?$/.test(src) && !src.includes(`${path.sep}screenshots`),
});
run(process.execPath, [path.join(repo, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-rewrite-relative-links', '--no-dependencies',
  '--allow-missing-repository', '-o', out], stage);
rmSync(stage, { recursive: true, force: true });
console.log(`package: ${path.relative(process.cwd(), out)} ${(statSync(out).size / 1024).toFixed(0)} KB`);
