// Activation in a workspace that holds a Dockerfile (package.json's `workspaceContains`): Layerscope
// activates as the window starts, with no Dockerfile open, and warms its diagnostics up in a quiet
// moment (src/diagnostics/warmUp.ts); a Dockerfile opened afterwards gets its findings. The file's
// name sorts first so that, in the whole suite, it runs before any test opens a Dockerfile or
// activates the extension itself.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { LayerscopeApi } from '../../src/extension';
import { DOCKERFILE_GLOB, isDockerfileName } from '../../src/lint/dockerfileNames';
import { waitUntil } from './support/wait';

const EXTENSION_ID = 'layerscope.layerscope';
const isDockerfile = (doc: vscode.TextDocument) => doc.languageId === 'dockerfile' && doc.uri.scheme === 'file';

/** The activation event VS Code recorded for `id` (the "Startup Performance" document's table). */
async function activationEvent(id: string): Promise<string | undefined> {
  await vscode.commands.executeCommand('perfview.show');
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'perf', path: 'Startup Performance' }));
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  const row = doc.getText().split('\n').map((line) => line.split('|').map((c) => c.trim())).find((cells) => cells[1] === id);
  return row?.[6];
}

describe('activation in a workspace that holds a Dockerfile', function () {
  let extension: vscode.Extension<LayerscopeApi>;

  before(() => {
    const found = vscode.extensions.getExtension<LayerscopeApi>(EXTENSION_ID);
    assert.ok(found, `${EXTENSION_ID} is not loaded in this VS Code`);
    extension = found;
  });

  it('activates on the workspace scan with no Dockerfile open, and warms the diagnostics up', async () => {
    assert.deepStrictEqual(vscode.workspace.textDocuments.filter(isDockerfile).map((d) => d.uri.path), [], 'no Dockerfile is open yet');
    // Nobody calls activate() here: VS Code does, for the workspace's Dockerfiles.
    await waitUntil('Layerscope to activate by itself', () => extension.isActive, 60_000);
    const event = await waitUntil('VS Code\'s activation record', () => activationEvent(EXTENSION_ID), 20_000, 500);
    assert.strictEqual(event, `workspaceContains:${DOCKERFILE_GLOB}`);
    const warmUp = extension.exports.diagnosticsWarmUp;
    await Promise.race([warmUp.settled, new Promise((_, reject) => setTimeout(() => reject(new Error(`warm-up still ${warmUp.state}`)), 30_000))]);
    assert.strictEqual(warmUp.state, 'done', `warm-up ${warmUp.state}: ${warmUp.reason ?? ''}`);
    assert.strictEqual(warmUp.reason, undefined);
    assert.ok(warmUp.found && isDockerfileName(vscode.Uri.parse(warmUp.found).path), `the scan found a Dockerfile: ${warmUp.found}`);
    assert.ok(warmUp.shellMs! > 0 && warmUp.loadMs! >= 0 && warmUp.lintMs! > 0, `timed: shell parser ${warmUp.shellMs} ms, area ${warmUp.loadMs} ms, tiny lint ${warmUp.lintMs} ms`);
    assert.deepStrictEqual(vscode.workspace.textDocuments.filter(isDockerfile).map((d) => d.uri.path), [], 'still no Dockerfile open');
    console.log(`    warm-up: shell parser ${warmUp.shellMs!.toFixed(0)} ms, area loaded in ${warmUp.loadMs!.toFixed(0)} ms, tiny lint ${warmUp.lintMs!.toFixed(0)} ms, ${(warmUp.doneAt! - warmUp.loadAt!).toFixed(0)} ms in all`);
  });

  it('a Dockerfile opened after the warm-up gets its diagnostics', async () => {
    const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'lint', 'Dockerfile');
    const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'layerscope');
    assert.deepStrictEqual(ours(), [], 'nothing before it opens');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const found = await waitUntil('our diagnostics on lint/Dockerfile', () => (ours().length ? ours() : undefined), 20_000);
    const codes = found.map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code)));
    assert.ok(codes.includes('DL4000'), `MAINTAINER is flagged: ${codes.join(', ')}`);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
