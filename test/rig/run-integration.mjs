#!/usr/bin/env node
// Runs the integration tests in a real VS Code through @vscode/test-electron's runTests(). Here the
// "VS Code executable" is launcher/code.mjs (code-server + Debian Chromium, see RIG.md); with
// LAYERSCOPE_IT_VSCODE=desktop, runTests downloads and uses the desktop build as usual.
// Closes with `integration: N passed, N failed`. Expects `npm run build` and DOCKER_HOST (with-dockerd.sh).
import { runTests } from '@vscode/test-electron';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileIntegrationTests } from './launcher/compileTests.mjs';

const rig = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(rig, '../..');

const { entry, count } = await compileIntegrationTests(repo);
console.log(`integration: compiled ${count} test file(s) into ${path.relative(repo, path.dirname(entry))}`);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'layerscope-run-'));
const channel = path.join(work, 'channel');
fs.mkdirSync(channel);
const desktop = process.env.LAYERSCOPE_IT_VSCODE === 'desktop';

let status = 0;
try {
  await runTests({
    vscodeExecutablePath: desktop ? undefined : path.join(rig, 'launcher/code.mjs'),
    extensionDevelopmentPath: repo,
    extensionTestsPath: entry,
    launchArgs: [
      path.join(repo, 'test/integration/workspace'),
      `--user-data-dir=${path.join(work, 'user-data')}`,
      `--extensions-dir=${path.join(work, 'extensions')}`,
    ],
    extensionTestsEnv: { LAYERSCOPE_IT_CHANNEL: channel },
  });
} catch (err) {
  console.error(`integration: ${err instanceof Error ? err.message : err}`);
  status = 1;
}

const resultsFile = path.join(channel, 'results.json');
const results = fs.existsSync(resultsFile) ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')) : undefined;
if (!results) console.error('integration: the test entry wrote no results (see the launcher output above)');
if (!process.env.LAYERSCOPE_IT_KEEP) fs.rmSync(work, { recursive: true, force: true });
const passed = results?.passed ?? 0;
const failed = results?.failed ?? 0;
if (passed === 0 || failed > 0) status = 1;
console.log(`integration: ${passed} passed, ${failed} failed`);
process.exit(status);
