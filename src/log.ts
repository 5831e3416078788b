import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

/** The extension's one log channel ("Layerscope" in the Output panel). */
export function log(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('Layerscope', { log: true });
  return channel;
}
