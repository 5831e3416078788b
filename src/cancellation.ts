// The one bridge from VS Code's CancellationToken to the AbortSignal the engine and the analysis take.
import type * as vscode from 'vscode';

/** A signal that aborts when `token` is cancelled (already aborted when it already is). */
export function abortSignalOf(token: vscode.CancellationToken): AbortSignal {
  const abort = new AbortController();
  if (token.isCancellationRequested) abort.abort();
  else token.onCancellationRequested(() => abort.abort());
  return abort.signal;
}
