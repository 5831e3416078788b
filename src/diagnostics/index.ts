// Dockerfile diagnostics in the editor: wires the linter, the quick fixes, the rule-doc links and
// the watchers that re-lint when settings, `.hadolint.yaml` or `.dockerignore` change.
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { userConfigDir } from '../lint/node/loadConfig';
import { BaseImages } from './baseImages';
import { DockerfileCodeActions } from './codeActions';
import { ConfigSource, type ResolvedConfig } from './configSource';
import { isLintable } from './documents';
import { DOCKERFILE_GLOB } from '../lint/dockerfileNames';
import { DocumentLinter } from './linter';
import { RuleDocs } from './ruleDocs';
import { lintRun } from './run';
import { SOURCE } from './toDiagnostic';
import { markFirstLint } from './firstLint';
import { warmLint } from './warmLint';

export interface Diagnostics {
  linter: DocumentLinter;
  /**
   * Settles when the first Dockerfiles have findings on screen: those open at registration, or
   * else the first one opened after (a registration by the warm-up, before any was open).
   */
  firstShown: Promise<void>;
  /**
   * The warm-up's part (warmUp.ts): reads the lint configuration of `dockerfile`'s folder, asks the
   * engine about its FROM images and lints a tiny Dockerfile, so the first real lint finds all three
   * ready. Returns the tiny lint's length (ms).
   */
  warmUp(dockerfile: vscode.Uri): number;
}

export function registerDiagnostics(ctx: Ctx): Diagnostics {
  const collection = vscode.languages.createDiagnosticCollection(SOURCE);
  const docs = new RuleDocs(ctx.extension.extensionUri);
  const configs = new ConfigSource();
  const problemFiles = new Set<string>();
  const reportConfigProblems = (resolved: ResolvedConfig) => {
    for (const [file, messages] of resolved.problems) {
      if (!file) { for (const m of messages) ctx.log.warn(m); continue; }
      if (problemFiles.has(file)) continue;
      problemFiles.add(file);
      const uri = vscode.Uri.file(file);
      collection.set(uri, messages.map((m) => Object.assign(
        new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), m, vscode.DiagnosticSeverity.Warning), { source: SOURCE })));
    }
  };
  // FROM images the local engine has: their ENV and platform sharpen UndefinedVar and InvalidBaseImagePlatform.
  const images = new BaseImages(() => (ctx.state === 'ready' ? ctx.engine : undefined));
  const linter = new DocumentLinter(collection, lintRun(configs, reportConfigProblems, images), docs, ctx.log);
  // Documents open before activation (a language change also arrives as close + open). Started
  // before the rest is wired: the lint first waits on the disk (`.hadolint.yaml`), and the wiring
  // below runs meanwhile. Nothing can open or change a document before this function returns.
  const initial = vscode.workspace.textDocuments.filter(isLintable)
    .map((doc) => new Promise<void>((shown) => { void linter.lintNow(doc, shown).finally(shown); }));
  let firstOpened: (() => void) | undefined;
  const firstShown = initial.length ? Promise.all(initial).then(() => undefined) : new Promise<void>((shown) => { firstOpened = shown; });
  const lintOpened = (doc: vscode.TextDocument) => {
    if (!isLintable(doc)) return;
    const shown = firstOpened;
    firstOpened = undefined;
    void linter.lintNow(doc, shown).finally(() => shown?.());
  };
  // Settings or config files changed: forget what was read and check every open Dockerfile once
  // (a burst of file events, e.g. a branch switch, makes one pass).
  let lintAllTimer: ReturnType<typeof setTimeout> | undefined;
  const lintAll = () => {
    clearTimeout(lintAllTimer);
    lintAllTimer = setTimeout(() => {
      for (const uri of problemFiles) collection.delete(vscode.Uri.file(uri));
      problemFiles.clear();
      configs.invalidate();
      for (const doc of vscode.workspace.textDocuments) if (isLintable(doc)) void linter.lintNow(doc);
    }, 50);
  };

  const watchers = [
    vscode.workspace.createFileSystemWatcher('**/{.hadolint.yaml,.hadolint.yml,.dockerignore,*.dockerignore}'),
    // The user-level file lives outside every workspace folder (see lint/node/loadConfig.ts).
    vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(userConfigDir()), '{hadolint,.hadolint}.{yaml,yml}')),
  ];
  ctx.push(
    { dispose: () => clearTimeout(lintAllTimer) },
    collection,
    linter,
    ...watchers,
    vscode.languages.registerCodeActionsProvider(
      [{ language: 'dockerfile' }, { language: 'plaintext', pattern: DOCKERFILE_GLOB }],
      new DockerfileCodeActions(linter, configs, ctx.log), DockerfileCodeActions.metadata),
    vscode.workspace.onDidOpenTextDocument(lintOpened),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length === 0 || !isLintable(e.document)) return;
      linter.schedule(e.document, configs.settings(e.document.uri).debounceMs);
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => linter.forget(doc.uri)),
    vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('layerscope.lint')) lintAll(); }),
    ...watchers.flatMap((w) => [w.onDidCreate(lintAll), w.onDidChange(lintAll), w.onDidDelete(lintAll)]),
    // Another engine, or images pulled, tagged or removed: what we knew about FROM images may be stale.
    ctx.onDidChangeEngine(() => { images.forget(); lintAll(); }),
    ctx.onDidChangeState(() => { images.forget(); lintAll(); }),
    ctx.onDidEngineEvent((e) => { if (e.type === 'image') { images.forget(); lintAll(); } }),
  );
  markFirstLint('registered');
  const warmUp = (dockerfile: vscode.Uri) => {
    configs.resolve({ uri: dockerfile }).catch(() => { /* a failed read is not cached: the real lint reads again and reports it */ });
    // What the engine knows of its FROM images (kept until an image event): the host's first engine
    // answers are slow, and the first lint of this file would wait on them.
    Promise.resolve(vscode.workspace.fs.readFile(dockerfile))
      .then((bytes) => images.optionsFor(new TextDecoder().decode(bytes)))
      .catch(() => { /* unknown facts: the lint asks again */ });
    return warmLint();
  };
  return { linter, firstShown, warmUp };
}
