// Lints a snippet with one rule and checks what it reports; applies fixes with the framework's helper.
import * as assert from 'node:assert/strict';
import { lintDockerfile } from '../../../../src/lint';
import { applyEdits } from '../../../../src/lint/edits';
import { findRule } from '../../../../src/lint/registry';
import type { Finding } from '../../../../src/lint/types';

/** The snippet's lines, with `FROM debian:12` in front unless it starts with its own FROM/ARG/#. */
export function dockerfile(...lines: string[]): string {
  const first = lines[0]?.trimStart().toUpperCase() ?? '';
  const head = first.startsWith('FROM') || first.startsWith('ARG') || first.startsWith('#') ? [] : ['FROM debian:12'];
  return [...head, ...lines].join('\n') + '\n';
}

export function findings(code: string, text: string): Finding[] {
  const rule = findRule(code);
  assert.ok(rule, `rule ${code} is registered`);
  return lintDockerfile(text, { rules: [rule], skipValidity: true }).filter((f) => f.code === code);
}

/** Asserts the rule fires `count` times (default once) and returns the findings. */
export function fires(code: string, lines: string[], count = 1): Finding[] {
  const text = dockerfile(...lines);
  const got = findings(code, text);
  assert.equal(got.length, count, `${code} should fire ${count}x on:\n${text}\ngot: ${JSON.stringify(got.map((f) => f.message))}`);
  return got;
}

export function silent(code: string, lines: string[]): void {
  fires(code, lines, 0);
}

/** Text the finding's range covers. */
export function covered(text: string, f: Finding): string {
  const lines = text.split('\n');
  const { start, end } = f.range;
  if (start.line === end.line) return lines[start.line].slice(start.character, end.character);
  return [lines[start.line].slice(start.character), ...lines.slice(start.line + 1, end.line), lines[end.line].slice(0, end.character)].join('\n');
}

/** Applies the first fix of the only finding of `code` and returns the new text. */
export function fixed(code: string, lines: string[]): string {
  const text = dockerfile(...lines);
  const [f] = fires(code, lines);
  assert.ok(f.fixes?.length, `${code} offers a fix`);
  return applyEdits(text, f.fixes![0].edits);
}

/** After fixing, the rule is satisfied. */
export function fixedAndQuiet(code: string, lines: string[], expected: string[]): void {
  const out = fixed(code, lines);
  assert.equal(out, dockerfile(...expected));
  assert.equal(findings(code, out).length, 0, `${code} is quiet after its fix`);
}
