// Shared by the insight integration tests: the build settings they use, Build Image… answered by a
// scripted prompter, and the clean-up of what they built.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { Prompter } from '../../src/prompt';
import type { LayerscopeApi } from '../../src/extension';
import type { BuildOutcome } from '../../src/linkedImage/build';
import { scripted, type Asked } from './explorerSupport';
import { engineRequest } from './support/engine';

const SETTINGS = ['dockerPath', 'dockerfile.buildFlags', 'dockerfile.builder'];
const settings = () => vscode.workspace.getConfiguration('layerscope');

export function extension(): vscode.Extension<LayerscopeApi> {
  const ext = vscode.extensions.all.find((e) => e.packageJSON?.name === 'layerscope');
  assert.ok(ext, 'the extension under development is loaded');
  return ext as vscode.Extension<LayerscopeApi>;
}

/** The Debian 20.10 CLI (it drives BuildKit without buildx; the rig's PATH may hold a newer CLI without it), RUN without a network. */
export async function useBuilder(builder: 'auto' | 'buildkit' | 'legacy', dockerPath = '/usr/bin/docker'): Promise<void> {
  await settings().update('dockerPath', dockerPath, vscode.ConfigurationTarget.Global);
  await settings().update('dockerfile.buildFlags', ['--network', 'none'], vscode.ConfigurationTarget.Global);
  await settings().update('dockerfile.builder', builder, vscode.ConfigurationTarget.Global);
}

/** Runs Build Image… on `uri` through its command, the prompter answering; returns what it built and what it asked. */
export async function buildThroughEditor(api: LayerscopeApi, uri: vscode.Uri, answers: Partial<Prompter>): Promise<{ outcome: BuildOutcome | undefined; asked: Asked }> {
  const s = scripted(answers);
  const use = api.ctx.prompter.use(s.prompter);
  try {
    return { outcome: await vscode.commands.executeCommand<BuildOutcome | undefined>('layerscope.buildImage', uri), asked: s.asked };
  } finally {
    use.dispose();
  }
}

/** Settings back, editors closed, the link forgotten, the tag and images removed. */
export async function cleanUp(api: LayerscopeApi, uri: vscode.Uri | undefined, tag: string, imageIds: (string | undefined)[]): Promise<void> {
  for (const key of SETTINGS) await settings().update(key, undefined, vscode.ConfigurationTarget.Global);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  if (uri) await (await api.linkedImage()).service.unlink(uri);
  await engineRequest('DELETE', `/images/${encodeURIComponent(tag)}?force=1`).catch(() => undefined);
  for (const id of imageIds) if (id) await engineRequest('DELETE', `/images/${id}?force=1`).catch(() => undefined);
}
