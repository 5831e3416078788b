// Finding (pure core) → vscode.Diagnostic. The only place that knows both shapes.
import * as vscode from 'vscode';
import type { Finding, Level, Range } from '../lint/types';
import type { RuleDocs } from './ruleDocs';

export const SOURCE = 'layerscope';

const SEVERITY: Record<Level, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  style: vscode.DiagnosticSeverity.Hint,
};

export function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export function toDiagnostic(f: Finding, docs: RuleDocs): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(f.range), f.message, SEVERITY[f.level] ?? vscode.DiagnosticSeverity.Warning);
  d.source = SOURCE;
  const target = docs.target(f.code);
  d.code = target ? { value: f.code, target } : f.code;
  const tags: vscode.DiagnosticTag[] = [];
  if (f.tags?.includes('unnecessary')) tags.push(vscode.DiagnosticTag.Unnecessary);
  if (f.tags?.includes('deprecated')) tags.push(vscode.DiagnosticTag.Deprecated);
  if (tags.length) d.tags = tags;
  return d;
}

/** The code of one of our diagnostics, whatever form it took. */
export function codeOf(d: vscode.Diagnostic): string | undefined {
  if (d.source !== SOURCE) return undefined;
  return typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
}

/** Identity of a finding as it appears on screen: code + range (what a code action request gives back). */
export function findingKey(code: string, r: Range | vscode.Range): string {
  return `${code}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}
