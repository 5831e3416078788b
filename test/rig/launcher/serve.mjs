#!/usr/bin/env node
// `npm start`: code-server with this extension, on 127.0.0.1, until Ctrl-C. Prints the URL to open.
// Any URL of the server loads Layerscope: the build of this start is installed into the served
// profile (a packaged .vsix), and the printed URL also loads the working tree as an extension under
// development, which wins over the installed copy (so `npm run build` + reload shows changes).
// Engine: whatever DOCKER_HOST / the defaults say (scripts/start.sh decides).
// Usage: serve.mjs [FOLDER]   env: LAYERSCOPE_PORT (default 8080).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { codeServerDir, freePort, installExtension, startCodeServer, tail } from './codeServer.mjs';
import { workbenchUrl } from './browser.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const folder = path.resolve(process.argv[2] || path.join(repo, 'test/integration/workspace'));
const state = path.join(os.homedir(), '.local/share/layerscope-dev');

const portFree = (port) => new Promise((resolve) => {
  const s = net.createServer().once('error', () => resolve(false)).listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
});
const wanted = Number(process.env.LAYERSCOPE_PORT || 8080);
const port = (await portFree(wanted)) ? wanted : await freePort();

const toolDir = codeServerDir();
const profile = { toolDir, userDataDir: path.join(state, 'user-data'), extensionsDir: path.join(state, 'extensions') };
const vsix = path.join(state, 'layerscope.vsix');
fs.mkdirSync(state, { recursive: true });
execFileSync(process.execPath, [path.join(repo, 'scripts/package.mjs'), vsix], { stdio: ['ignore', 'ignore', 'inherit'] });
installExtension({ ...profile, vsix });

const server = await startCodeServer({
  ...profile, port,
  logFile: path.join(state, 'code-server.log'), env: process.env,
}).catch((err) => { console.error(`start: ${err.message}`); process.exit(1); });

const url = workbenchUrl({ url: server.url, port, folder, extensionDevelopmentPaths: [repo] });
console.log(`
Layerscope is running in VS Code (code-server ${path.basename(toolDir)}), engine: ${process.env.DOCKER_HOST || 'the platform default'}.
Open this URL in a browser on this machine (the Layerscope icon is in the activity bar):

  ${url}

It loads your working tree: rebuild with \`npm run build\` (or \`npm run watch\`) and reload the page to
pick up changes. Any other URL of this server (e.g. ${server.url}/?folder=/some/dir) loads the build
installed when this start began.
Logs: ${server.logFile}.  Press Ctrl-C to stop.
`);
fs.writeFileSync(path.join(state, 'url.txt'), `${url}\n`);

const stop = (code) => { void server.stop().then(() => process.exit(code)); };
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
const watch = setInterval(() => {
  if (server.exited() !== null) {
    clearInterval(watch);
    console.error(`start: code-server exited (${server.exited()}).\n${tail(server.logFile)}`);
    process.exit(1);
  }
}, 500);
