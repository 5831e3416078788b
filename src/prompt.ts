// The one place the extension asks a person something (modal confirmations, notifications with
// buttons, quick picks, input boxes, file dialogs) and shows cancellable progress. Integration tests
// swap in a scripted prompter through `ctx.prompter.use(...)`; everything after the answer runs for real.
import * as vscode from 'vscode';
import { abortSignalOf } from './cancellation';

/** Reports progress: a message, and optionally how many more percent are done. */
export type ProgressReport = (message: string, increment?: number) => void;

export interface Prompter {
  /** A modal question; the chosen button, or undefined when dismissed. */
  confirm(message: string, detail: string, buttons: string[]): Promise<string | undefined>;
  /** A warning notification that stays until dismissed; the clicked button, if any. */
  notify(message: string, buttons: string[]): Promise<string | undefined>;
  pick<T extends vscode.QuickPickItem>(items: T[], placeHolder: string): Promise<T | undefined>;
  input(options: vscode.InputBoxOptions): Promise<string | undefined>;
  saveFile(defaultName: string, title: string): Promise<vscode.Uri | undefined>;
  openFile(title: string): Promise<vscode.Uri | undefined>;
  /** A local folder (Download from a container into it). */
  pickFolder(title: string): Promise<vscode.Uri | undefined>;
  /** A local file or folder, any type (Upload into a container). */
  pickUpload(title: string): Promise<vscode.Uri | undefined>;
  /** Runs long work with a cancellable notification; the signal aborts when the person cancels. */
  progress<T>(title: string, task: (report: ProgressReport, signal: AbortSignal) => Promise<T>): Promise<T>;
  info(message: string): void;
  /** A failed command's message, in words (tests read it instead of a notification). */
  error(message: string): void;
}

export const windowPrompter: Prompter = {
  async confirm(message, detail, buttons) {
    return vscode.window.showWarningMessage(message, { modal: true, detail }, ...buttons);
  },
  async notify(message, buttons) {
    return vscode.window.showWarningMessage(message, ...buttons);
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
    return Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true },
      (progress, token) => task((message, increment) => progress.report({ message, increment }), abortSignalOf(token))));
  },
  info(message) {
    void vscode.window.showInformationMessage(message);
  },
  error(message) {
    void vscode.window.showErrorMessage(message);
  },
};

/**
 * The prompter of one extension instance (`ctx.prompter`): the window's, unless a test swapped in
 * answers with `use()`. Each use is a layer over the window's prompter, and disposing removes exactly
 * that layer, in whatever order the uses are disposed (restoring a saved "previous" would bring back a
 * disposed one).
 */
export class SwappablePrompter implements Prompter {
  private readonly layers: Partial<Prompter>[] = [];

  private get current(): Prompter {
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

  confirm(message: string, detail: string, buttons: string[]) { return this.current.confirm(message, detail, buttons); }
  notify(message: string, buttons: string[]) { return this.current.notify(message, buttons); }
  pick<T extends vscode.QuickPickItem>(items: T[], placeHolder: string) { return this.current.pick(items, placeHolder); }
  input(options: vscode.InputBoxOptions) { return this.current.input(options); }
  saveFile(defaultName: string, title: string) { return this.current.saveFile(defaultName, title); }
  openFile(title: string) { return this.current.openFile(title); }
  pickFolder(title: string) { return this.current.pickFolder(title); }
  pickUpload(title: string) { return this.current.pickUpload(title); }
  progress<T>(title: string, task: (report: ProgressReport, signal: AbortSignal) => Promise<T>) { return this.current.progress(title, task); }
  info(message: string) { this.current.info(message); }
  error(message: string) { this.current.error(message); }
}
