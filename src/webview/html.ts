// The webviews' HTML documents: strict CSP with a fresh nonce, resources only from media/.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export function mediaRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'media');
}

/** A fresh nonce per document: 16 random bytes from the OS, base64 (never Math.random). */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/** What differs between our webview documents; the CSP, nonce and skeleton are shared. */
export interface WebviewPage {
  title: string;
  /** The script under media/. */
  script: string;
  /** A stylesheet under media/ (it may then load images and fonts from there too). */
  stylesheet?: string;
  /** Inline CSS, allowed by the nonce. */
  style?: string;
  /** How screen readers announce changes of `<main id="app">`. */
  ariaLive: 'polite' | 'off';
  /** What `<main>` shows until the script renders (trusted markup, never image-derived). */
  placeholder?: string;
}

/** A webview document: strict CSP with a fresh nonce, resources only from media/. */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, page: WebviewPage): string {
  const nonce = newNonce();
  const media = mediaRoot(extensionUri);
  const script = webview.asWebviewUri(vscode.Uri.joinPath(media, page.script));
  const csp = page.stylesheet ? [
    "default-src 'none'",
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${webview.cspSource} data:`,
    `font-src ${webview.cspSource}`,
  ] : ["default-src 'none'", `style-src 'nonce-${nonce}'`, `script-src 'nonce-${nonce}'`];
  const head = [
    `<meta http-equiv="Content-Security-Policy" content="${csp.join('; ')}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
    ...(page.stylesheet ? [`<link rel="stylesheet" nonce="${nonce}" href="${webview.asWebviewUri(vscode.Uri.joinPath(media, page.stylesheet))}">`] : []),
    ...(page.style ? [`<style nonce="${nonce}">\n${page.style.trim()}\n</style>`] : []),
    // The title is the only image-derived text in the document: escape it. Everything else is
    // rendered by the script with textContent.
    `<title>${escapeHtml(page.title)}</title>`,
  ];
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
${head.join('\n')}
</head>
<body>
<main id="app" aria-live="${page.ariaLive}">${page.placeholder ?? ''}</main>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}

/** The Layers panel's document. */
export function panelHtml(webview: vscode.Webview, extensionUri: vscode.Uri, title: string): string {
  return webviewHtml(webview, extensionUri, {
    title, script: 'webview.js', stylesheet: 'webview.css', ariaLive: 'polite', placeholder: '<p class="muted">Loading…</p>',
  });
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
