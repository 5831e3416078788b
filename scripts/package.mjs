// `npm run package`: the .vsix people install. Stages the production build in .package/ (so the
// development build in dist/, with its source maps, stays as it is: scripts/stage.mjs) and packs that
// folder with vsce. What ships is decided by .vscodeignore (an allow-list); test/unit/package.test.ts
// checks the result.   Usage: node scripts/package.mjs [OUT.vsix]   (default layerscope.vsix)
import { execFileSync } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { repo, stageExtension } from './stage.mjs';

const out = path.resolve(process.argv[2] ?? path.join(repo, 'layerscope.vsix'));
const stage = path.join(repo, '.package');

stageExtension(stage);
execFileSync(process.execPath, [path.join(repo, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-rewrite-relative-links',
  '--no-dependencies', '--allow-missing-repository', '-o', out], { cwd: stage, stdio: ['ignore', 'inherit', 'inherit'] });
rmSync(stage, { recursive: true, force: true });
console.log(`package: ${path.relative(process.cwd(), out)} ${(statSync(out).size / 1024).toFixed(0)} KB`);
