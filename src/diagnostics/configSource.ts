// The lint configuration of one Dockerfile: the `layerscope.lint.*` settings merged with the
// `.hadolint.yaml` the node-side loader finds (the file wins). Cached per folder until a
// settings or config-file change; the files the Dockerfile reads (`.dockerignore`) are cached too.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { config as settings } from '../config';
import { fromObject, mergeConfig, type LintConfig } from '../lint/config';
import { loadConfigFor } from '../lint/node/loadConfig';

export interface ResolvedConfig {
  enable: boolean;
  shellcheck: boolean;
  debounceMs: number;
  config: LintConfig;
  /** Problems in the configuration (file path → messages), shown on the files themselves. */
  problems: Map<string, string[]>;
}

export class ConfigSource {
  private readonly byFolder = new Map<string, Promise<ResolvedConfig>>();
  private readonly files = new Map<string, string | undefined>();
  private readonly listeners: (() => void)[] = [];

  /** Forgets everything read so far (settings changed, a config or ignore file changed). */
  invalidate(): void {
    this.byFolder.clear();
    this.files.clear();
    for (const l of this.listeners) l();
  }

  onInvalidate(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Settings alone, for decisions that must not wait on the disk (debounce, enable). */
  settings(uri: vscode.Uri) {
    return settings.lint(uri);
  }

  resolve(doc: { uri: vscode.Uri }): Promise<ResolvedConfig> {
    const dir = doc.uri.scheme === 'file' ? path.dirname(doc.uri.fsPath) : '';
    const root = vscode.workspace.getWorkspaceFolder(doc.uri)?.uri.fsPath ?? '';
    const key = `${dir}\u0000${root}`;
    let found = this.byFolder.get(key);
    if (!found) {
      found = this.load(doc.uri, dir, root);
      this.byFolder.set(key, found);
      // A failed read is not cached: the next lint tries again.
      found.catch(() => this.byFolder.delete(key));
    }
    return found;
  }

  /** A file beside the Dockerfile, read once per invalidation (the linter's `readFile`). */
  readBeside(doc: vscode.TextDocument): ((rel: string) => string | undefined) | undefined {
    if (doc.uri.scheme !== 'file') return undefined;
    const dir = path.dirname(doc.uri.fsPath);
    return (rel) => {
      const file = path.resolve(dir, rel);
      if (!this.files.has(file)) {
        let text: string | undefined;
        try { text = fs.readFileSync(file, 'utf8'); } catch { text = undefined; }
        this.files.set(file, text);
      }
      return this.files.get(file);
    };
  }

  private async load(uri: vscode.Uri, dir: string, root: string): Promise<ResolvedConfig> {
    const s = settings.lint(uri);
    const problems = new Map<string, string[]>();
    const settingErrors: string[] = [];
    const fromSettings = fromObject({ ignored: s.ignore, override: s.override, trustedRegistries: s.trustedRegistries }, settingErrors);
    if (settingErrors.length) problems.set('', settingErrors.map((e) => `layerscope.lint settings: ${e}`));
    // An unsaved buffer has no folder of its own: the workspace root's file applies.
    const from = dir || root;
    const loaded = from ? await loadConfigFor(from, root || undefined) : undefined;
    if (loaded?.file && loaded.errors.length) problems.set(loaded.file, loaded.errors);
    return {
      enable: s.enable,
      shellcheck: s.shellcheck,
      debounceMs: s.debounceMs,
      config: mergeConfig(fromSettings, loaded?.config),
      problems,
    };
  }
}
