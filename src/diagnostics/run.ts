// One lint of one document: configuration, the pure rule set, then ShellCheck when enabled.
import * as vscode from 'vscode';
import { lintDockerfile } from '../lint';
import type { ConfigSource, ResolvedConfig } from './configSource';
import type { LintRun } from './linter';

export function lintRun(configs: ConfigSource, onConfig: (resolved: ResolvedConfig) => void): LintRun {
  return async (doc: vscode.TextDocument, signal: AbortSignal) => {
    const resolved = await configs.resolve(doc);
    if (signal.aborted) return undefined;
    onConfig(resolved);
    if (!resolved.enable) return [];
    const text = doc.getText();
    const fileName = doc.uri.scheme === 'file' ? doc.uri.fsPath : doc.uri.path;
    const findings = lintDockerfile(text, { config: resolved.config, fileName, readFile: configs.readBeside(doc) });
    return findings;
  };
}
