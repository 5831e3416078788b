// One lint of one document: configuration, the pure rule set, and ShellCheck over the RUN scripts
// when it is enabled and on PATH (its findings go through the same config and pragmas). ShellCheck
// runs as processes, so our own findings are shown first and the merged set replaces them.
import * as vscode from 'vscode';
import { lintDockerfile, type LintOptions } from '../lint';
import { findShellcheck, shellcheckRunner } from '../lint/node/shellcheck';
import { lintWithShellcheck } from '../lint/shell/shellcheck';
import type { BaseImages } from './baseImages';
import type { ConfigSource, ResolvedConfig } from './configSource';
import type { LintRun } from './linter';
import { afterShown, markFirstLint } from './firstLint';

export function lintRun(configs: ConfigSource, onConfig: (resolved: ResolvedConfig) => void, images?: BaseImages): LintRun {
  // Looked up once, again after a settings change (PATH does not change under a running editor).
  let shellcheck: { bin: string | undefined } | undefined;
  configs.onInvalidate(() => { shellcheck = undefined; });
  return async (doc, signal, preliminary) => {
    markFirstLint('lint');
    const resolved = await configs.resolve(doc);
    if (signal.aborted) return undefined;
    markFirstLint('config');
    onConfig(resolved);
    if (!resolved.enable) return [];
    const text = doc.getText();
    const options = { ...lintOptions(doc, resolved, configs), ...(await images?.optionsFor(text)) };
    if (signal.aborted) return undefined;
    markFirstLint('options');
    if (!resolved.shellcheck) return linted(lintDockerfile(text, options));
    shellcheck ??= { bin: findShellcheck() };
    if (!shellcheck.bin) return linted(lintDockerfile(text, options));
    const shown = preliminary(linted(lintDockerfile(text, options)));
    // ShellCheck's part starts with synchronous work (the scripts read again, processes spawned):
    // let the findings above reach the editor first.
    await (shown ? afterShown() : new Promise((resolve) => setTimeout(resolve, 0)));
    if (signal.aborted) return undefined;
    // A newer edit aborts `signal`: the stale shellcheck process is killed, not waited for.
    return lintWithShellcheck(text, options, shellcheckRunner(shellcheck.bin, undefined, signal));
  };
}

function linted<T>(findings: T): T {
  markFirstLint('linted');
  return findings;
}

/** What the pure linter needs to know about one document. */
export function lintOptions(doc: vscode.TextDocument, resolved: ResolvedConfig, configs: ConfigSource): LintOptions {
  return {
    config: resolved.config,
    fileName: doc.uri.scheme === 'file' ? doc.uri.fsPath : doc.uri.path,
    readFile: configs.readBeside(doc),
  };
}
