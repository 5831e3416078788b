// Typed getters over the workspace configuration: the only file that reads `layerscope.*` settings.
import * as vscode from 'vscode';

const section = () => vscode.workspace.getConfiguration('layerscope');

export const config = {
  /** Machine-scoped: a workspace cannot redirect the engine. */
  host(): string {
    const inspected = section().inspect<string>('host');
    return (inspected?.globalValue ?? inspected?.defaultValue ?? '').trim();
  },
  get<T>(key: string, fallback: T): T {
    return section().get<T>(key, fallback);
  },
  affects(e: vscode.ConfigurationChangeEvent, key: string): boolean {
    return e.affectsConfiguration(`layerscope.${key}`);
  },
};
