// Typed getters over the workspace configuration: the only file that reads `layerscope.*` settings.
import * as vscode from 'vscode';

const section = () => vscode.workspace.getConfiguration('layerscope');

/** A user-level (global) string setting; workspace values are ignored on purpose. */
function userValue(key: string): string {
  const inspected = section().inspect<string>(key);
  return (inspected?.globalValue ?? inspected?.defaultValue ?? '').trim();
}

/** `layerscope.lint.*` for one Dockerfile (resource-scoped: folders may differ). */
export interface LintSettings {
  enable: boolean;
  debounceMs: number;
  ignore: string[];
  override: Partial<Record<'error' | 'warning' | 'info' | 'style', string[]>>;
  trustedRegistries: string[];
  shellcheck: boolean;
}

export const config = {
  /** Machine-scoped: a workspace cannot redirect the engine. */
  host(): string {
    return userValue('host');
  },
  /** Machine-scoped like host: the docker context chosen in Switch Engine… ('' = automatic). */
  context(): string {
    return userValue('context');
  },
  lint(scope?: vscode.Uri): LintSettings {
    const s = vscode.workspace.getConfiguration('layerscope.lint', scope);
    return {
      enable: s.get<boolean>('enable', true),
      debounceMs: Math.max(0, s.get<number>('debounceMs', 300)),
      ignore: s.get<string[]>('ignore', []),
      override: s.get<LintSettings['override']>('override', {}),
      trustedRegistries: s.get<string[]>('trustedRegistries', []),
      shellcheck: s.get<boolean>('shellcheck.enable', true),
    };
  },
  /** Images view grouping: repository, registry or none. */
  imagesGroupBy(): 'repository' | 'registry' | 'none' {
    return oneOf(section().get<string>('images.groupBy'), ['repository', 'registry', 'none'] as const, 'repository');
  },
  /** Images view order: created (newest first), name, or size (largest first). */
  imagesSortBy(): 'created' | 'name' | 'size' {
    return oneOf(section().get<string>('images.sortBy'), ['created', 'name', 'size'] as const, 'created');
  },
  /** Containers view grouping: by state or by compose project label. */
  containersGroupBy(): 'state' | 'compose' {
    return oneOf(section().get<string>('containers.groupBy'), ['state', 'compose'] as const, 'state');
  },
  /** Dangling view: show the legacy builder's intermediate images (collapsed) or leave them out. */
  danglingShowIntermediate(): boolean {
    return section().get<boolean>('dangling.showIntermediate', true);
  },
  get<T>(key: string, fallback: T): T {
    return section().get<T>(key, fallback);
  },
  affects(e: vscode.ConfigurationChangeEvent, key: string): boolean {
    return e.affectsConfiguration(`layerscope.${key}`);
  },
};

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  return (allowed as readonly string[]).includes(value ?? '') ? (value as T) : fallback;
}
