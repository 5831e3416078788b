// Helpers for the explorer's integration tests: a scripted prompter, throwaway images and
// containers made with the docker CLI on the test daemon, and tree lookups.
import { execFile } from 'child_process';
import * as vscode from 'vscode';
import type { Prompter } from '../../src/prompt';
import type { LayerscopeApi } from '../../src/extension';
import type { TreeNode } from '../../src/model/tree';
import { waitUntil } from './support/wait';

export function flatten<N extends TreeNode<unknown> & { children?: N[] }>(nodes: N[]): N[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children ?? [])]);
}

export function findNode<N extends TreeNode<unknown> & { children?: N[] }>(nodes: N[], test: (n: N) => boolean, what: string): N {
  const found = flatten(nodes).find(test);
  if (!found) throw new Error(`no tree node for ${what} among: ${flatten(nodes).map((n) => n.item.label).join(', ')}`);
  return found;
}

/** Runs the docker CLI on the test daemon (only to make throwaway fixtures); resolves stdout. */
export function docker(args: string[], stdin?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile('docker', args, { env: { ...process.env, DOCKER_BUILDKIT: '0', DOCKER_CLI_HINTS: 'false' }, timeout: 60_000 },
      (err, stdout, stderr) => (err ? reject(new Error(`docker ${args.join(' ')}: ${err.message}\n${stderr}`)) : resolve(stdout.trim())));
    if (stdin !== undefined) child.stdin!.end(stdin);
  });
}

/** Builds a tiny image on top of the base fixture (a LABEL only: no layer, fast). Returns its ID. */
export async function buildImage(tag: string, marker: string): Promise<string> {
  await docker(['build', '-q', '-t', tag, '-'], `FROM layerscope-fixture/base:1\nLABEL layerscope.test=${marker}\n`);
  return docker(['image', 'inspect', '-f', '{{.Id}}', tag]);
}

/** A stopped container that runs `cmd` when started (`--network none`). Returns its full ID. */
export function createContainer(name: string, image: string, cmd: string): Promise<string> {
  return docker(['create', '--network', 'none', '--name', name, '--label', 'layerscope.test=explorer', image, 'sh', '-c', cmd]);
}

export async function removeQuietly(kind: 'container' | 'image' | 'volume', ...refs: string[]): Promise<void> {
  for (const ref of refs) await docker([kind, 'rm', '-f', ref]).catch(() => undefined);
}

/** What the scripted prompter was asked. */
export interface Asked {
  confirms: { message: string; detail: string; buttons: string[] }[];
  picks: { items: vscode.QuickPickItem[]; placeHolder: string }[];
  inputs: vscode.InputBoxOptions[];
  infos: string[];
  /** Messages of commands that failed. */
  errors: string[];
}

/** A prompter whose answers the test gives; it records every question. */
export function scripted(answers: Partial<Prompter>): { prompter: Partial<Prompter>; asked: Asked } {
  const asked: Asked = { confirms: [], picks: [], inputs: [], infos: [], errors: [] };
  const prompter: Partial<Prompter> = {
    confirm: async (message, detail, buttons) => {
      asked.confirms.push({ message, detail, buttons });
      return answers.confirm ? answers.confirm(message, detail, buttons) : undefined;
    },
    pick: async (items, placeHolder) => {
      asked.picks.push({ items, placeHolder });
      return answers.pick ? answers.pick(items, placeHolder) : undefined;
    },
    input: async (options) => {
      asked.inputs.push(options);
      return answers.input ? answers.input(options) : undefined;
    },
    info: (message) => { asked.infos.push(message); },
    error: (message) => { asked.errors.push(message); },
    saveFile: answers.saveFile ?? (async () => undefined),
    openFile: answers.openFile ?? (async () => undefined),
    pickFolder: answers.pickFolder ?? (async () => undefined),
    pickUpload: answers.pickUpload ?? (async () => undefined),
    progress: answers.progress ?? ((_title, task) => task(() => undefined, new AbortController().signal)),
  };
  return { prompter, asked };
}

/** The activated extension once its engine is ready (the tests reach its live objects through it). */
export async function readyApi(): Promise<{ api: LayerscopeApi; repo: string }> {
  const ext = vscode.extensions.getExtension<LayerscopeApi>('layerscope.layerscope')!;
  const api = await ext.activate();
  await api.explorer(); // the explorer's code loads on first use
  await waitUntil('the engine to be ready', () => api.ctx.state === 'ready', 30_000);
  return { api, repo: ext.extensionPath };
}

/** `answer({...})` for one test: swaps in a scripted prompter until `restore` is disposed (afterEach). */
export function answerer(api: () => LayerscopeApi, restore: vscode.Disposable[]) {
  return (answers: Partial<Prompter>): Asked => {
    const s = scripted(answers);
    restore.push(api().ctx.prompter.use(s.prompter));
    return s.asked;
  };
}

/**
 * The hooks the explorer suites share, registered in the calling `describe`: before all, the ready
 * API handed to `ready` (which may prepare more); after each, the scripted answers undone. Returns
 * `answer({...})`.
 */
export function explorerSetup(ready: (found: { api: LayerscopeApi; repo: string }) => Promise<void> | void) {
  let api: LayerscopeApi | undefined;
  const restore: vscode.Disposable[] = [];
  before(async () => {
    const found = await readyApi();
    api = found.api;
    await ready(found);
  });
  afterEach(() => {
    for (const d of restore.splice(0)) d.dispose();
  });
  return answerer(() => api!, restore);
}
