// Debian Chromium driven by playwright-core (never a downloaded browser), opening the code-server
// workbench. Keeps the page's console in a log file for when something goes wrong.
import fs from 'node:fs';
import { chromium } from 'playwright-core';

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

export async function openBrowser({ userDataDir, consoleLog, headless = true }) {
  const executablePath = process.env.LAYERSCOPE_CHROMIUM || '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}; run scripts/install-deps.sh.`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath, headless, args: CHROMIUM_ARGS, viewport: { width: 1440, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const write = (line) => fs.appendFileSync(consoleLog, `${new Date().toISOString()} ${line}\n`);
  page.on('console', (msg) => write(`[${msg.type()}] ${msg.text()}`));
  page.on('pageerror', (err) => write(`[pageerror] ${err.message}`));
  return { context, page, close: () => context.close().catch(() => {}) };
}

/** The workbench URL that loads extensions under development and runs their tests (RIG.md). */
export function workbenchUrl({ url, port, folder, extensionDevelopmentPaths, extensionTestsPath }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = extensionDevelopmentPaths.map((p) => ['extensionDevelopmentPath', remote(p)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  const query = [];
  if (folder) query.push(`folder=${encodeURIComponent(folder)}`);
  if (payload.length) query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `${url}/?${query.join('&')}`;
}

export async function waitForWorkbench(page, timeoutMs) {
  await page.locator('.monaco-workbench .part.activitybar').first().waitFor({ state: 'visible', timeout: timeoutMs });
}
