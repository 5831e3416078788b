// Test helpers for lint rules: run the whole linter and keep one code's findings; apply fixes.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lintDockerfile, LintOptions } from '../../../src/lint/index';
import { applyEdits } from '../../../src/lint/edits';
import { mergeConfig, PartialLintConfig } from '../../../src/lint/config';
import type { Finding } from '../../../src/lint/types';

/** Findings with `code` for `text` (lines joined with \n when given an array). */
export function findings(code: string, text: string | string[], opts: LintOptions & { cfg?: PartialLintConfig } = {}): Finding[] {
  const src = Array.isArray(text) ? text.join('\n') + '\n' : text;
  const config = opts.cfg ? mergeConfig(opts.cfg) : opts.config;
  return lintDockerfile(src, { ...opts, config }).filter((f) => f.code === code);
}

/** 1-based lines of the findings (compact assertions). */
export function lines(fs: Finding[]): number[] {
  return fs.map((f) => f.range.start.line + 1);
}

/** Applies the finding's first (or named) fix to the text. */
export function applyFix(text: string | string[], f: Finding, index = 0): string {
  const src = Array.isArray(text) ? text.join('\n') + '\n' : text;
  const fix = f.fixes?.[index];
  if (!fix) throw new Error(`finding ${f.code} has no fix #${index}`);
  return applyEdits(src, fix.edits);
}

/**
 * The shared corpus: ../shared/corpus/dockerfiles beside the repo (CI's layout); a worktree kept
 * elsewhere names it with LAYERSCOPE_CORPUS.
 */
export const CORPUS = process.env.LAYERSCOPE_CORPUS
  ? resolve(process.env.LAYERSCOPE_CORPUS)
  : resolve(__dirname, '../../../../shared/corpus/dockerfiles');

/** Every file under the corpus (or another folder), recursively. */
export function corpusFiles(dir = CORPUS, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) corpusFiles(p, out); else out.push(p);
  }
  return out;
}
