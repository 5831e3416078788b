#!/usr/bin/env node
// Stands in for the VS Code executable that @vscode/test-electron's runTests() spawns: starts
// code-server + Debian Chromium, loads the extension under development with its test entry through
// the workbench `payload` URL, relays the tests' output, serves UI requests (screenshots, clicks),
// and exits with the tests' status.
//
// Environment: LAYERSCOPE_IT_CHANNEL (folder shared with the test entry; made here when unset),
// LAYERSCOPE_IT_TIMEOUT_MS (whole run, default 20 min), DOCKER_HOST (passed through).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseLaunchArgs } from './args.mjs';
import { codeServerDir, startCodeServer, sleep, tail } from './codeServer.mjs';
import { openBrowser, workbenchUrl, waitForWorkbench } from './browser.mjs';
import { serveUiChannel } from './uiChannel.mjs';

const WORKBENCH_TIMEOUT = 120_000;
const ENTRY_START_TIMEOUT = 120_000;
const RUN_TIMEOUT = Number(process.env.LAYERSCOPE_IT_TIMEOUT_MS || 50 * 60_000);

const say = (line) => console.log(`[launcher] ${line}`);

async function main() {
  const opts = parseLaunchArgs(process.argv.slice(2));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'layerscope-it-'));
  const channel = process.env.LAYERSCOPE_IT_CHANNEL || path.join(work, 'channel');
  fs.mkdirSync(channel, { recursive: true });
  const resultsFile = path.join(channel, 'results.json');
  const outputFile = path.join(channel, 'output.log');
  fs.rmSync(resultsFile, { force: true });
  fs.rmSync(outputFile, { force: true });

  const cleanups = [];
  const cleanup = async () => { for (const c of cleanups.splice(0).reverse()) await c(); };
  process.on('SIGINT', () => void cleanup().then(() => process.exit(130)));
  process.on('SIGTERM', () => void cleanup().then(() => process.exit(143)));

  const serverLog = path.join(channel, 'code-server.log');
  const consoleLog = path.join(channel, 'browser-console.log');
  const userDataDir = opts.userDataDir && !opts.userDataDir.includes('.vscode-test') ? opts.userDataDir : path.join(work, 'user-data');
  let exitCode = 1;
  try {
    const toolDir = codeServerDir();
    say(`code-server from ${toolDir}`);
    const server = await startCodeServer({
      toolDir, userDataDir, logFile: serverLog,
      extensionsDir: opts.extensionsDir && !opts.extensionsDir.includes('.vscode-test') ? opts.extensionsDir : path.join(work, 'extensions'),
      env: { ...process.env, LAYERSCOPE_IT_CHANNEL: channel },
    });
    cleanups.push(() => server.stop());
    say(`code-server listening on ${server.url}${process.env.DOCKER_HOST ? ` (DOCKER_HOST=${process.env.DOCKER_HOST})` : ''}`);

    const browser = await openBrowser({ userDataDir: path.join(work, 'chromium'), consoleLog });
    cleanups.push(() => browser.close());
    const url = workbenchUrl({ ...opts, url: server.url, port: server.port });
    // Playwright's default 30 s for the page's load event is too short on a loaded machine: the workbench limit applies.
    await browser.page.goto(url, { timeout: WORKBENCH_TIMEOUT });
    try {
      await waitForWorkbench(browser.page, WORKBENCH_TIMEOUT);
    } catch {
      throw new Error(`the workbench did not load within ${WORKBENCH_TIMEOUT / 1000}s.\n${tail(consoleLog)}\n${tail(serverLog)}`);
    }
    say('workbench loaded; running the extension tests');
    const ui = serveUiChannel(channel, browser.page);
    cleanups.push(() => ui.stop());

    const results = await relayUntilResults({
      outputFile, resultsFile, userDataDir, consoleLog, serverLog, exited: server.exited,
    });
    for (const f of results.failures ?? []) console.log(`[launcher] FAILED ${f.title}: ${f.error}`);
    console.log(`${results.passed} passed, ${results.failed} failed`);
    exitCode = results.failed === 0 && results.passed > 0 ? 0 : 1;
    if (results.passed === 0 && results.failed === 0) say('no test ran: counting that as a failure');
  } catch (err) {
    console.error(`[launcher] ${err instanceof Error ? err.message : err}`);
  } finally {
    await cleanup();
    if (!process.env.LAYERSCOPE_IT_KEEP) fs.rmSync(work, { recursive: true, force: true });
  }
  process.exit(exitCode);
}

/** Prints the test entry's output as it grows; resolves with the results it finally writes. */
async function relayUntilResults({ outputFile, resultsFile, userDataDir, consoleLog, serverLog, exited }) {
  const started = Date.now();
  let diedAt = 0;
  let diedLine = '';
  let printed = 0;
  const flush = () => {
    if (!fs.existsSync(outputFile)) return;
    const text = fs.readFileSync(outputFile, 'utf8');
    const end = text.lastIndexOf('\n') + 1;
    if (end > printed) { process.stdout.write(text.slice(printed, end)); printed = end; }
  };
  for (;;) {
    flush();
    if (fs.existsSync(resultsFile)) {
      await sleep(100);
      flush();
      return JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    }
    const elapsed = Date.now() - started;
    // A results file may still land just after the host's exit is logged: give it a moment.
    if (!diedAt) diedLine = extensionHostExit(userDataDir);
    if (diedLine && !diedAt) diedAt = Date.now();
    const why = exited() !== null ? `code-server exited (${exited()}) before the tests finished`
      : diedAt && Date.now() - diedAt > 3000 ? `the extension host exited before the tests finished (${diedLine.trim()})`
      : !fs.existsSync(outputFile) && elapsed > ENTRY_START_TIMEOUT ? `the test entry did not start within ${ENTRY_START_TIMEOUT / 1000}s`
      : elapsed > RUN_TIMEOUT ? `the tests did not finish within ${RUN_TIMEOUT / 1000}s`
      : '';
    if (why) throw new Error(`${why}.\n${extensionHostLogs(userDataDir)}\n${tail(consoleLog)}\n${tail(serverLog)}`);
    await sleep(200);
  }
}

/** code-server's remoteagent.log line saying the extension host process ended, else ''. */
function extensionHostExit(userDataDir) {
  try {
    const logs = path.join(userDataDir, 'logs');
    for (const session of fs.readdirSync(logs)) {
      const file = path.join(logs, session, 'remoteagent.log');
      const line = fs.existsSync(file) && fs.readFileSync(file, 'utf8').split('\n').find((l) => /Extension Host Process exited/.test(l));
      if (line) return line;
    }
  } catch { /* no logs yet */ }
  return '';
}

function extensionHostLogs(userDataDir) {
  const found = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/exthost|remoteagent|server/i.test(p) && p.endsWith('.log')) found.push(p);
    }
  };
  try { walk(path.join(userDataDir, 'logs')); } catch { /* no logs yet */ }
  return found.map((f) => tail(f, 30)).join('\n') || '(no extension host logs)';
}

await main();
