// The one place the explorer's commands ask a person something (modal confirmations, quick picks,
// input boxes, file dialogs, cancellable progress). Integration tests swap in a scripted prompter
// through the API object; everything after the answer runs for real.
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';

export interface Prompter {
  /** A modal question; the chosen button, or undefined when dismissed. */
  confirm(message: string, detail: string, buttons: string[]): Promise<string | undefined>;
  pick<T extends vscode.QuickPickItem>(items: T[], placeHolder: string): Promise<T | undefined>;
  input(options: vscode.InputBoxOptions): Promise<string | undefined>;
  saveFile(defaultName: string, title: string): Promise<vscode.Uri | undefined>;
  openFile(title: string): Promise<vscode.Uri | undefined>;
  /** A local folder (Download from a container into it). */
  pickFolder(title: string): Promise<vscode.Uri | undefined>;
  /** A local file or folder, any type (Upload into a container). */
  pickUpload(title: string): Promise<vscode.Uri | undefined>;
  /** Runs long work with a cancellable notification; the signal aborts when the person cancels. */
  progress<T>(title: string, task: (report: (message: string) => void, signal: AbortSignal) => Promise<T>): Promise<T>;
  info(message: string): void;
  /** A failed command's message, in words (tests read it instead of a notification). */
  error(message: string): void;
}

export const windowPrompter: Prompter = {
  async confirm(message, detail, buttons) {
    return vscode.window.showWarningMessage(message, { modal: true, detail }, ...buttons);
  },
  async pick(items, placeHolder) {
    return vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true, matchOnDetail: true });
  },
  async input(options) {
    return vscode.window.showInputBox(options);
  },
  async saveFile(defaultName, title) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    return vscode.window.showSaveDialog({ title, defaultUri: folder ? vscode.Uri.joinPath(folder, defaultName) : undefined, filters: { 'Tar archives': ['tar'] } });
  },
  async openFile(title) {
    const picked = await vscode.window.showOpenDialog({ title, canSelectMany: false, filters: { 'Tar archives': ['tar'] } });
    return picked?.[0];
  },
  async pickFolder(title) {
    const picked = await vscode.window.showOpenDialog({ title, canSelectFiles: false, canSelectFolders: true, canSelectMany: false, openLabel: 'Download Here' });
    return picked?.[0];
  },
  async pickUpload(title) {
    const picked = await vscode.window.showOpenDialog({ title, canSelectFiles: true, canSelectFolders: true, canSelectMany: false, openLabel: 'Upload' });
    return picked?.[0];
  },
  progress(title, task) {
    return Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      return task((message) => progress.report({ message }), abort.signal);
    }));
  },
  info(message) {
    void vscode.window.showInformationMessage(message);
  },
  error(message) {
    void vscode.window.showErrorMessage(message);
  },
};

/**
 * Holds the prompter of one extension instance; tests call `use()` and dispose to restore. Each use
 * is a layer over the window's prompter, and disposing removes exactly that layer, in whatever order
 * the uses are disposed (restoring a saved "previous" would bring back a disposed one).
 */
export class PrompterSlot {
  private readonly layers: Partial<Prompter>[] = [];

  get current(): Prompter {
    return Object.assign({}, windowPrompter, ...this.layers) as Prompter;
  }

  use(replacement: Partial<Prompter>): vscode.Disposable {
    const layer = { ...replacement };
    this.layers.push(layer);
    return new vscode.Disposable(() => {
      const at = this.layers.indexOf(layer);
      if (at >= 0) this.layers.splice(at, 1);
    });
  }
}

const slots = new WeakMap<Ctx, PrompterSlot>();

export function prompterSlot(ctx: Ctx): PrompterSlot {
  let slot = slots.get(ctx);
  if (!slot) slots.set(ctx, (slot = new PrompterSlot()));
  return slot;
}

export function prompter(ctx: Ctx): Prompter {
  return prompterSlot(ctx).current;
}
