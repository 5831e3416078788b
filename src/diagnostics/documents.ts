// Which documents the linter looks at: the `dockerfile` language, plus Dockerfile-like names that
// ended up as plain text (a VS Code without the built-in association, or an odd casing).
import type * as vscode from 'vscode';
import { isDockerfileName } from '../lint/dockerfileNames';

/** Real files and buffers; not the read-only copies diff and SCM views open (git:, output:...). */
const SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vsls']);

export function isLintable(doc: vscode.TextDocument): boolean {
  if (!SCHEMES.has(doc.uri.scheme)) return false;
  if (doc.languageId === 'dockerfile') return true;
  return doc.languageId === 'plaintext' && isDockerfileName(doc.uri.path);
}
