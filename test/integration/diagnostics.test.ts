// Dockerfile diagnostics and quick fixes in the real VS Code (code-server + Chromium): fixtures in
// workspace/lint/. Everything goes through the public API (getDiagnostics, executeCodeActionProvider,
// applyEdit) and, for what is on screen, the launcher's Playwright channel.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { findRule } from '../../src/lint/registry';
import type { Level } from '../../src/lint/types';
import { page } from './support/ui';
import { waitUntil } from './support/wait';
import { publishScreenshot, resultsPath } from './support/workbench';

const EXTENSION_ID = 'layerscope.layerscope';
const SEVERITY: Record<Level, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  style: vscode.DiagnosticSeverity.Hint,
};

const workspaceRoot = () => vscode.workspace.workspaceFolders![0].uri;
const fixture = (...parts: string[]) => vscode.Uri.joinPath(workspaceRoot(), 'lint', ...parts);
const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'layerscope');
const summary = (ds: readonly vscode.Diagnostic[]) => ds.map((d) => `${codeOf(d)}@${d.range.start.line}`).join(', ') || '(none)';
const find = (ds: readonly vscode.Diagnostic[], code: string, line?: number) =>
  ds.find((d) => codeOf(d) === code && (line === undefined || d.range.start.line === line));

/** Resolves with our diagnostics of `uri` once `ok` holds, re-checking on every onDidChangeDiagnostics. */
function diagnosticsWhen(uri: vscode.Uri, ok: (ds: vscode.Diagnostic[]) => boolean, what: string, timeoutMs = 20_000): Promise<vscode.Diagnostic[]> {
  const now = ours(uri);
  if (ok(now)) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; diagnostics: ${summary(ours(uri))}`));
    }, timeoutMs);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const ds = ours(uri);
      if (!ok(ds)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(ds);
    });
  });
}

const having = (...expected: [string, number][]) => (ds: vscode.Diagnostic[]) => expected.every(([c, l]) => find(ds, c, l));
const without = (code: string) => (ds: vscode.Diagnostic[]) => !find(ds, code);

async function open(uri: vscode.Uri): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** Opens through the workbench (as a click would), so closing the tab really closes the document. */
async function openLikeAPerson(uri: vscode.Uri): Promise<vscode.TextDocument> {
  await vscode.commands.executeCommand('vscode.open', uri);
  return waitUntil(`${uri.path} to be open`, () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()));
}

/** Puts a fixture back as it is on disk (every test leaves the files untouched). */
async function revert(doc: vscode.TextDocument): Promise<void> {
  if (!doc.isDirty || doc.isClosed) return;
  await vscode.window.showTextDocument(doc);
  // An untitled buffer has nothing to go back to: reverting it closes it.
  await vscode.commands.executeCommand(doc.isUntitled ? 'workbench.action.revertAndCloseActiveEditor' : 'workbench.action.files.revert');
  await waitUntil(`${doc.uri.path} to be reverted`, () => !doc.isDirty || doc.isClosed);
}

async function quickFixes(doc: vscode.TextDocument, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diagnostic.range);
  return actions ?? [];
}

async function applyFix(doc: vscode.TextDocument, diagnostic: vscode.Diagnostic, title: string): Promise<vscode.CodeAction> {
  const actions = await quickFixes(doc, diagnostic);
  const action = actions.find((a) => a.title === title);
  assert.ok(action, `no quick fix '${title}' for ${codeOf(diagnostic)}; offered: ${actions.map((a) => a.title).join(' | ')}`);
  assert.ok(action.edit, `'${title}' carries no edit`);
  assert.ok(await vscode.workspace.applyEdit(action.edit), `applying '${title}' failed`);
  return action;
}

const lines = (doc: vscode.TextDocument) => doc.getText().split('\n');

/** Waits until no diagnostics event for `uri` arrived for `quietMs` (a re-lint has finished). */
async function settle(uri: vscode.Uri, quietMs = 700): Promise<void> {
  let last = Date.now();
  const sub = vscode.languages.onDidChangeDiagnostics((e) => { if (e.uris.some((u) => u.toString() === uri.toString())) last = Date.now(); });
  try {
    await waitUntil('diagnostics to settle', () => Date.now() - last >= quietMs, 20_000);
  } finally {
    sub.dispose();
  }
}

async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('layerscope.lint').update(key, value, vscode.ConfigurationTarget.Global);
}

/** Shows the editor hover at a position, once the squiggles are on screen (the renderer gets them after the API). */
async function showHoverAt(doc: vscode.TextDocument, line: number, character: number): Promise<void> {
  const editor = await vscode.window.showTextDocument(doc);
  editor.selection = new vscode.Selection(line, character, line, character);
  await page.waitFor('.monaco-editor .squiggly-error');
  await waitUntil('the editor hover', async () => {
    await vscode.commands.executeCommand('editor.action.showHover');
    return (await page.texts('.monaco-editor .monaco-hover .hover-contents')).length > 0;
  }, 15_000, 500);
}

/** The main fixture's findings: [code, line]. */
const MAIN: [string, number][] = [
  ['StageNameCasing', 0], ['DL4000', 1], ['DL3008', 2], ['DL3009', 2], ['DL3014', 2], ['DL3015', 2], ['DL3000', 3], ['DL3025', 4],
];

/** Every fixture file as it is on disk, to prove (and repair) that no test saved over one. */
function snapshotFixtures(dir: string, out = new Map<string, string>()): Map<string, string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) snapshotFixtures(p, out); else out.set(p, fs.readFileSync(p, 'utf8'));
  }
  return out;
}

describe('Dockerfile diagnostics (real VS Code)', function () {
  this.timeout(90_000);
  let extensionPath = '';
  let fixtures = new Map<string, string>();

  before(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not loaded`);
    await ext.activate();
    extensionPath = ext.extensionPath;
    // The browser workbench saves edited files after a second by default: these tests edit
    // fixtures in memory only, so keep them unsaved.
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    fixtures = snapshotFixtures(fixture().fsPath);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('files').update('autoSave', undefined, vscode.ConfigurationTarget.Global);
  });

  afterEach(async () => {
    for (const doc of vscode.workspace.textDocuments) await revert(doc);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const changed = [...fixtures].filter(([file, text]) => !fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text);
    for (const [file, text] of changed) fs.writeFileSync(file, text);
    assert.deepEqual(changed.map(([file]) => path.basename(file)), [], 'the test left fixture files changed on disk (now restored)');
  });

  it('opening a fixture shows the expected findings with mapped severity, rule-doc link and tags', async () => {
    const doc = await open(fixture('Dockerfile'));
    assert.equal(doc.languageId, 'dockerfile');
    const ds = await diagnosticsWhen(doc.uri, having(...MAIN), 'the main fixture findings');
    for (const [code, line] of MAIN) {
      const d = find(ds, code, line)!;
      const rule = findRule(code);
      assert.ok(rule, `${code} is not in the registry`);
      assert.equal(d.severity, SEVERITY[rule.meta.level], `${code}: severity for level ${rule.meta.level}`);
      assert.equal(d.source, 'layerscope');
      assert.ok(typeof d.code === 'object', `${code}: the code carries a link`);
      const target = (d.code as { target: vscode.Uri }).target;
      assert.equal(target.scheme, 'command');
      assert.equal(target.path, 'layerscope.showRuleDoc');
      assert.deepEqual(JSON.parse(decodeURIComponent(target.query)), [code]);
    }
    assert.deepEqual(find(ds, 'DL4000', 1)!.tags, [vscode.DiagnosticTag.Deprecated]);
    assert.equal(find(ds, 'DL3000', 3)!.range.start.character, 'WORKDIR '.length, 'DL3000 points at the path');
    assert.ok(!find(ds, 'LS9000'), `no internal error: ${summary(ds)}`);
  });

  it('inline squiggles and the Problems panel, on screen (screenshot)', async () => {
    const doc = await open(fixture('Dockerfile'));
    await diagnosticsWhen(doc.uri, having(...MAIN), 'the initial findings');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await page.waitFor('.monaco-editor .squiggly-error');
    await page.waitFor('.markers-panel .monaco-list-row');
    const rows = await page.texts('.markers-panel .monaco-list-row');
    for (const [code] of MAIN) assert.ok(rows.some((r) => r.includes(code)), `Problems panel shows ${code}: ${rows.join(' / ')}`);
    // A status-bar tooltip the browser workbench pops up on its own would sit on the picture: hide
    // workbench tooltips (not the editor's hovers) while it is taken.
    const tooltips = (display: string) => page.evaluate(`(() => { let s = document.getElementById('ls-shot-style');
      if (!s) { s = document.createElement('style'); s.id = 'ls-shot-style'; document.head.appendChild(s); }
      s.textContent = '.context-view .workbench-hover-container { display: ${display} !important; }'; })()`);
    await tooltips('none');
    const shot = await page.screenshot(resultsPath(extensionPath, 'diagnostics.png'), { settleMs: 800 });
    await tooltips('block');
    publishScreenshot(extensionPath, shot, 'diagnostics.png');
    assert.ok(fs.statSync(shot).size > 10_000, 'the screenshot has content');
    // The hover on the relative WORKDIR: message, code link and the Quick Fix entry.
    await showHoverAt(doc, 3, 9);
    await page.waitFor('.monaco-hover .hover-row.status-bar', { hasText: 'Quick Fix' });
    const hover = (await page.texts('.monaco-hover')).join(' ');
    assert.ok(hover.includes('DL3000') && hover.includes('relative'), `hover: ${hover}`);
    await page.screenshot(path.join(extensionPath, 'test-results', 'diagnostics-hover.png'), { settleMs: 300 });
    await vscode.commands.executeCommand('workbench.action.closePanel');
  });

  it('a flag that changes nothing is drawn faded (Unnecessary tag)', async () => {
    const doc = await open(fixture('platform.Dockerfile'));
    const [d] = await diagnosticsWhen(doc.uri, having(['DL3065', 0]), 'DL3065');
    assert.deepEqual(d.tags, [vscode.DiagnosticTag.Unnecessary]);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Information);
  });

  it('lints every Dockerfile name: *.Dockerfile, Dockerfile.*, Containerfile', async () => {
    for (const name of ['app.Dockerfile', 'Dockerfile.dev', 'Containerfile']) {
      const doc = await openLikeAPerson(fixture(name));
      assert.equal(doc.languageId, 'dockerfile', `${name} is associated with the dockerfile language`);
      const ds = await diagnosticsWhen(doc.uri, having(['DL3007', 0]), `DL3007 in ${name}`);
      assert.equal(ds.length, 1, `${name}: ${summary(ds)}`);
    }
  });

  it('editing re-lints once after the debounce, with the result of the last edit', async () => {
    const doc = await open(fixture('Dockerfile'));
    await diagnosticsWhen(doc.uri, having(...MAIN), 'the initial findings');
    await setSetting('debounceMs', 1500);
    try {
      await settle(doc.uri);
      let updates = 0;
      const sub = vscode.languages.onDidChangeDiagnostics((e) => { if (e.uris.some((u) => u.toString() === doc.uri.toString())) updates++; });
      try {
        // A burst of three edits, as typing would make: `WORKDIR /app`, then CMD in JSON form in two steps.
        const edit = async (line: number, from: number, to: number, text: string) => {
          const we = new vscode.WorkspaceEdit();
          we.replace(doc.uri, new vscode.Range(line, from, line, to), text);
          assert.ok(await vscode.workspace.applyEdit(we));
        };
        await edit(3, 8, 8, '/');
        await edit(4, 4, 18, '["node",');
        await edit(4, 12, 12, ' "server.js"]');
        assert.equal(lines(doc)[4], 'CMD ["node", "server.js"]');
        const ds = await diagnosticsWhen(doc.uri, (d) => !find(d, 'DL3000') && !find(d, 'DL3025'), 'DL3000 and DL3025 to go');
        assert.ok(find(ds, 'StageNameCasing', 0) && find(ds, 'DL4000', 1), `the other findings stay: ${summary(ds)}`);
        await settle(doc.uri);
        assert.equal(updates, 1, 'three quick edits make one lint');
      } finally {
        sub.dispose();
      }
    } finally {
      await setSetting('debounceMs', undefined);
    }
  });

  describe('quick fixes', () => {
    let doc: vscode.TextDocument;
    let ds: vscode.Diagnostic[];
    beforeEach(async () => {
      doc = await open(fixture('Dockerfile'));
      ds = await diagnosticsWhen(doc.uri, having(...MAIN), 'the initial findings');
    });

    it('MAINTAINER → LABEL org.opencontainers.image.authors (preferred)', async () => {
      const action = await applyFix(doc, find(ds, 'DL4000', 1)!, 'Replace with LABEL org.opencontainers.image.authors');
      assert.equal(action.isPreferred, true);
      assert.equal(lines(doc)[1], 'LABEL org.opencontainers.image.authors="ops@example.com"');
      await diagnosticsWhen(doc.uri, without('DL4000'), 'DL4000 to go');
    });

    it('apt-get install: add -y, add --no-install-recommends, remove the apt lists', async () => {
      await applyFix(doc, find(ds, 'DL3014', 2)!, 'Add -y');
      assert.equal(lines(doc)[2], 'RUN apt-get update && apt-get install -y curl');
      let now = await diagnosticsWhen(doc.uri, without('DL3014'), 'DL3014 to go');
      await applyFix(doc, find(now, 'DL3015', 2)!, 'Add --no-install-recommends');
      assert.equal(lines(doc)[2], 'RUN apt-get update && apt-get install --no-install-recommends -y curl');
      now = await diagnosticsWhen(doc.uri, without('DL3015'), 'DL3015 to go');
      await applyFix(doc, find(now, 'DL3009', 2)!, 'Append rm -rf /var/lib/apt/lists/*');
      assert.equal(lines(doc)[2], 'RUN apt-get update && apt-get install --no-install-recommends -y curl && rm -rf /var/lib/apt/lists/*');
      now = await diagnosticsWhen(doc.uri, without('DL3009'), 'DL3009 to go');
      assert.ok(find(now, 'DL3008', 2), `DL3008 (unpinned) has no automatic fix and stays: ${summary(now)}`);
    });

    it('shell-form CMD → exec form', async () => {
      await applyFix(doc, find(ds, 'DL3025', 4)!, 'Convert to JSON (exec) form');
      assert.equal(lines(doc)[4], 'CMD ["node", "server.js"]');
      await diagnosticsWhen(doc.uri, without('DL3025'), 'DL3025 to go');
    });

    it('lowercase stage name', async () => {
      await applyFix(doc, find(ds, 'StageNameCasing', 0)!, "Rename stage to 'builder' (and its references)");
      assert.equal(lines(doc)[0], 'FROM debian:12 AS builder');
      await diagnosticsWhen(doc.uri, without('StageNameCasing'), 'StageNameCasing to go');
    });

    it('ignore a rule for this instruction: a pragma above it, indented like it', async () => {
      const action = await applyFix(doc, find(ds, 'DL3000', 3)!, 'Ignore DL3000 for this instruction');
      assert.equal(action.isPreferred, false);
      assert.deepEqual(lines(doc).slice(2, 5).map((l) => l.replace(/^RUN .*/, 'RUN …')), ['RUN …', '# hadolint ignore=DL3000', 'WORKDIR app']);
      const after = await diagnosticsWhen(doc.uri, without('DL3000'), 'DL3000 to be ignored');
      assert.ok(find(after, 'DL3025', 5), `the other findings stay (moved one line down): ${summary(after)}`);
    });

    it('ignore a rule in this file: a global pragma, merged into an existing one', async () => {
      await applyFix(doc, find(ds, 'DL3025', 4)!, 'Ignore DL3025 in this file');
      assert.equal(lines(doc)[0], '# hadolint global ignore=DL3025');
      let now = await diagnosticsWhen(doc.uri, without('DL3025'), 'DL3025 to be ignored');
      const d = find(now, 'DL3000', 4)!;
      await applyFix(doc, d, 'Ignore DL3000 in this file');
      assert.equal(lines(doc)[0], '# hadolint global ignore=DL3025,DL3000');
      now = await diagnosticsWhen(doc.uri, without('DL3000'), 'DL3000 to be ignored');
      assert.ok(find(now, 'DL4000', 2), summary(now));
    });

    it('the other rule fixes: AS casing, ENV key=value, apk --no-cache, pip --no-cache-dir', async () => {
      const other = await open(fixture('fixes.Dockerfile'));
      const cases: [string, number, string, string][] = [
        ['FromAsCasing', 0, "Change 'as' to 'AS'", 'FROM alpine:3.19 AS base'],
        ['LegacyKeyValueFormat', 1, 'Change to APP_HOME=value', 'ENV APP_HOME=/app'],
        ['DL3019', 2, 'Add --no-cache', 'RUN apk add --no-cache curl=8.5.0-r0'],
        ['DL3042', 3, 'Add --no-cache-dir', 'RUN pip install --no-cache-dir requests==2.31.0'],
      ];
      let now = await diagnosticsWhen(other.uri, having(...cases.map(([c, l]): [string, number] => [c, l])), 'the fixable findings');
      for (const [code, line, title, expected] of cases) {
        const action = await applyFix(other, find(now, code, line)!, title);
        assert.equal(action.isPreferred, true, `${title} is the preferred fix`);
        assert.equal(lines(other)[line], expected);
        now = await diagnosticsWhen(other.uri, without(code), `${code} to go`);
      }
      assert.deepEqual(now.map(codeOf), ['DL3059'], 'only the consecutive-RUN note is left');
    });

    const FIXED = [
      'FROM debian:12 AS builder',
      'LABEL org.opencontainers.image.authors="ops@example.com"',
      'RUN apt-get update && apt-get install --no-install-recommends -y curl && rm -rf /var/lib/apt/lists/*',
      'WORKDIR /app',
      'CMD ["node", "server.js"]',
      '',
    ];

    it('fix all: source.fixAll.layerscope (for codeActionsOnSave) applies every preferred fix', async () => {
      const all = new vscode.Range(0, 0, doc.lineCount, 0);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, all, 'source.fixAll.layerscope');
      assert.deepEqual(actions.map((a) => a.title), ['Fix all auto-fixable Dockerfile problems']);
      assert.ok(await vscode.workspace.applyEdit(actions[0].edit!));
      assert.deepEqual(lines(doc), FIXED);
      const left = await diagnosticsWhen(doc.uri, (d) => d.length === 1, 'only the findings without a fix');
      assert.deepEqual(left.map(codeOf).sort(), ['DL3008']);
    });

    it('fix all from the quick-fix list (its edit resolved on demand)', async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, find(ds, 'DL3025')!.range, undefined, 100);
      const action = actions.find((a) => a.title === 'Fix all auto-fixable Dockerfile problems');
      assert.ok(action?.edit, `resolved fix-all among: ${actions.map((a) => a.title).join(' | ')}`);
      assert.ok(await vscode.workspace.applyEdit(action.edit));
      assert.deepEqual(lines(doc), FIXED);
    });

    it('every finding offers both suppressions; suppressions come after the rule fixes', async () => {
      for (const d of ds) {
        const titles = (await quickFixes(doc, d)).map((a) => a.title);
        const code = codeOf(d);
        assert.ok(titles.includes(`Ignore ${code} for this instruction`) && titles.includes(`Ignore ${code} in this file`), `${code}: ${titles.join(' | ')}`);
      }
      const titles = (await quickFixes(doc, find(ds, 'DL4000')!)).map((a) => a.title);
      assert.ok(titles.indexOf('Replace with LABEL org.opencontainers.image.authors') < titles.indexOf('Ignore DL4000 for this instruction'), titles.join(' | '));
    });
  });

  it('a .hadolint.yaml beside the Dockerfile ignores a code and overrides a level; editing it re-lints', async () => {
    const yaml = fixture('configured', '.hadolint.yaml');
    const original = fs.readFileSync(yaml.fsPath, 'utf8');
    const doc = await open(fixture('configured', 'Dockerfile'));
    let ds = await diagnosticsWhen(doc.uri, having(['DL3006', 1]), 'DL3006');
    assert.ok(!find(ds, 'DL3007'), `DL3007 is ignored by the file: ${summary(ds)}`);
    assert.equal(find(ds, 'DL3006', 1)!.severity, vscode.DiagnosticSeverity.Error, 'override.error lists DL3006');
    try {
      fs.writeFileSync(yaml.fsPath, 'ignored: []\n');
      ds = await diagnosticsWhen(doc.uri, (d) => !!find(d, 'DL3007', 0) && find(d, 'DL3006', 1)?.severity === SEVERITY[findRule('DL3006')!.meta.level],
        'DL3007 back and DL3006 at its own level after the file changed');
      // A broken file: the problem is shown on the file itself and the Dockerfile is still checked.
      fs.writeFileSync(yaml.fsPath, 'ignored: [DL3007\n');
      const problems = await diagnosticsWhen(yaml, (d) => d.length === 1, 'a problem on the broken .hadolint.yaml');
      assert.match(problems[0].message, /not valid YAML/);
      assert.ok(find(ours(doc.uri), 'DL3007', 0), `the Dockerfile is still linted: ${summary(ours(doc.uri))}`);
    } finally {
      fs.writeFileSync(yaml.fsPath, original);
    }
    await diagnosticsWhen(doc.uri, without('DL3007'), 'DL3007 ignored again after the file was restored');
    await diagnosticsWhen(yaml, (d) => d.length === 0, 'the problem on the .hadolint.yaml to go');
  });

  it('COPY of a file the .dockerignore beside the Dockerfile excludes (experimental check on by its directive); editing .dockerignore re-lints', async () => {
    const ignore = fixture('dockerignored', '.dockerignore');
    const original = fs.readFileSync(ignore.fsPath, 'utf8');
    const doc = await open(fixture('dockerignored', 'Dockerfile'));
    await diagnosticsWhen(doc.uri, having(['CopyIgnoredFile', 2]), 'CopyIgnoredFile');
    try {
      fs.writeFileSync(ignore.fsPath, '*.log\n');
      await diagnosticsWhen(doc.uri, without('CopyIgnoredFile'), 'CopyIgnoredFile to go once app.env is no longer excluded');
    } finally {
      fs.writeFileSync(ignore.fsPath, original);
    }
    await diagnosticsWhen(doc.uri, having(['CopyIgnoredFile', 2]), 'CopyIgnoredFile back after the file was restored');
  });

  it('ShellCheck findings in RUN: wiki link, its fix, the ignore pragma and the setting that turns it off', async () => {
    const doc = await open(fixture('shellcheck.Dockerfile'));
    const ds = await diagnosticsWhen(doc.uri, having(['SC2086', 1]), 'SC2086 from shellcheck');
    const d = find(ds, 'SC2086', 1)!;
    assert.equal(d.range.start.character, 'RUN echo '.length, 'SC2086 points at $HOME in the Dockerfile');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(String((d.code as { target: vscode.Uri }).target), 'https://www.shellcheck.net/wiki/SC2086');
    await applyFix(doc, d, "Apply ShellCheck's suggestion (SC2086)");
    assert.equal(lines(doc)[1], 'RUN echo "$HOME"/*.txt');
    await diagnosticsWhen(doc.uri, without('SC2086'), 'SC2086 to go after its fix');
    await revert(doc);
    const again = await diagnosticsWhen(doc.uri, having(['SC2086', 1]), 'SC2086 back after revert');
    await applyFix(doc, find(again, 'SC2086', 1)!, 'Ignore SC2086 for this instruction');
    assert.equal(lines(doc)[1], '# hadolint ignore=SC2086');
    await diagnosticsWhen(doc.uri, without('SC2086'), 'SC2086 to be ignored by the pragma');
    await revert(doc);
    await diagnosticsWhen(doc.uri, having(['SC2086', 1]), 'SC2086 back after revert');
    try {
      await setSetting('shellcheck.enable', false);
      await diagnosticsWhen(doc.uri, without('SC2086'), 'SC2086 to go with layerscope.lint.shellcheck.enable off');
    } finally {
      await setSetting('shellcheck.enable', undefined);
    }
    await diagnosticsWhen(doc.uri, having(['SC2086', 1]), 'SC2086 back with the setting reset');
  });

  it('settings: layerscope.lint.ignore, .override, .trustedRegistries and .enable', async () => {
    const doc = await open(fixture('Dockerfile'));
    await diagnosticsWhen(doc.uri, having(...MAIN), 'the initial findings');
    try {
      await setSetting('ignore', ['DL3000', 'MaintainerDeprecated']);
      const ds = await diagnosticsWhen(doc.uri, (d) => !find(d, 'DL3000') && !find(d, 'DL4000'), 'DL3000 and DL4000 (by its alias) to be ignored');
      assert.ok(find(ds, 'DL3025', 4), summary(ds));
      await setSetting('override', { error: ['DL3025'] });
      await diagnosticsWhen(doc.uri, (d) => find(d, 'DL3025', 4)?.severity === vscode.DiagnosticSeverity.Error, 'DL3025 raised to error');
      await setSetting('trustedRegistries', ['my.registry.test']);
      const untrusted = await diagnosticsWhen(doc.uri, having(['DL3026', 0]), 'DL3026 for an image outside trustedRegistries');
      assert.match(find(untrusted, 'DL3026', 0)!.message, /my\.registry\.test/);
      await setSetting('enable', false);
      await diagnosticsWhen(doc.uri, (d) => d.length === 0, 'no diagnostics when disabled');
    } finally {
      for (const key of ['ignore', 'override', 'trustedRegistries', 'enable']) await setSetting(key, undefined);
    }
    await diagnosticsWhen(doc.uri, having(...MAIN), 'the findings back after the settings are reset');
  });

  it('an unsaved buffer of noise is linted without an internal error', async () => {
    const content = 'FROM\n\u0000\u0001 RUN <<EOF\nCOPY --from= \\\n\n[\"unterminated\nEXPOSE 99999/xyz\nRUN echo \'open\n';
    const doc = await vscode.workspace.openTextDocument({ language: 'dockerfile', content });
    const ds = await diagnosticsWhen(doc.uri, (d) => d.length > 0, 'findings on the noise');
    assert.ok(!find(ds, 'LS9000'), `no internal error: ${summary(ds)}`);
  });

  it('closing the document clears its diagnostics', async () => {
    const uri = fixture('Containerfile');
    await openLikeAPerson(uri);
    await diagnosticsWhen(uri, having(['DL3007', 0]), 'DL3007');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await diagnosticsWhen(uri, (d) => d.length === 0, 'diagnostics to clear after close');
  });

  it('clicking the code in the hover opens the bundled rule page in the Markdown preview', async () => {
    assert.ok(fs.existsSync(path.join(extensionPath, 'docs', 'rules', 'DL3000.md')), 'docs/rules/DL3000.md is bundled');
    const doc = await open(fixture('Dockerfile'));
    await diagnosticsWhen(doc.uri, having(['DL3000', 3]), 'DL3000');
    await showHoverAt(doc, 3, 9);
    await page.click('.monaco-hover a.code-link', { hasText: 'DL3000' });
    const preview = (name: string) => () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label.includes(name) && t.input instanceof vscode.TabInputWebview);
    await waitUntil('a Markdown preview of DL3000.md', preview('DL3000.md'));
    // From the command palette the command asks which rule. The preview that just opened may still
    // take focus while it loads, and a quick pick closes when it loses focus (the command then ends
    // with no choice): ask again until the pick stays up, as a person would.
    for (let attempt = 1; ; attempt++) {
      const shown = vscode.commands.executeCommand('layerscope.showRuleDoc');
      try {
        await page.waitFor('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'DL3006', timeoutMs: 5_000 });
        await page.type('DL3006');
        await page.press('Enter');
        await shown;
        await waitUntil('a Markdown preview of DL3006.md', preview('DL3006.md'), 5_000);
        break;
      } catch (e) {
        if (attempt === 3) throw e;
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
        await shown;
      }
    }
  });

});
