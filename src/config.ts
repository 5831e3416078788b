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

export interface DockerfileSettings {
  analyzeAfterBuild: boolean;
  codeLens: boolean;
  buildArgs: Record<string, string>;
  buildFlags: string[];
  builder: 'auto' | 'buildkit' | 'legacy';
  largeFileMB: number;
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
  /**
   * Completion, hover and formatting in Dockerfiles: "on", "off", or "auto" (on unless an extension
   * that brings the same features is installed). A boolean from older settings counts as on/off.
   */
  languageFeatures(): 'auto' | 'on' | 'off' {
    const v = section().get<unknown>('languageFeatures.enable', 'auto');
    if (v === true) return 'on';
    if (v === false) return 'off';
    return oneOf(typeof v === 'string' ? v : undefined, ['auto', 'on', 'off'] as const, 'auto');
  },
  /** `layerscope.dockerfile.*`: building from the editor and what the linked image shows. */
  dockerfile(scope?: vscode.Uri): DockerfileSettings {
    const s = vscode.workspace.getConfiguration('layerscope.dockerfile', scope);
    return {
      analyzeAfterBuild: s.get<boolean>('analyzeAfterBuild', true),
      codeLens: s.get<boolean>('codeLens', true),
      buildArgs: s.get<Record<string, string>>('buildArgs', {}),
      buildFlags: s.get<string[]>('buildFlags', []),
      builder: oneOf(s.get<string>('builder'), ['auto', 'buildkit', 'legacy'] as const, 'auto'),
      largeFileMB: Math.max(0, s.get<number>('largeFileThresholdMB', 50)),
    };
  },
  /** Machine-scoped: the docker CLI Build Image… runs ('' = the first `docker` on PATH). */
  dockerPath(): string {
    return userValue('dockerPath');
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
  /** A container's own layer and files (section 1 and 2 of issue 10). */
  containerFiles(): { listing: 'auto' | 'exec' | 'archive'; maxArchiveEntries: number; maxOpenBytes: number; maxSizeStats: number } {
    const s = vscode.workspace.getConfiguration('layerscope.containerFiles');
    return {
      listing: oneOf(s.get<string>('listing'), ['auto', 'exec', 'archive'] as const, 'auto'),
      maxArchiveEntries: Math.max(1, s.get<number>('maxArchiveEntries', 100_000)),
      maxOpenBytes: Math.max(1, s.get<number>('maxOpenBytes', 10_000_000)),
      maxSizeStats: Math.max(0, s.get<number>('maxChangeSizes', 200)),
    };
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
