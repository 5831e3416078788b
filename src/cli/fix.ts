// `layerscope lint --fix / --dry-run`: every automatic fix that passes the no-harm check
// (lint/fixcheck), written in place or shown as a unified diff. Refused fixes are named on stderr.
import { writeFileSync } from 'node:fs';
import { createTwoFilesPatch } from 'diff';
import { safeFixAll } from '../lint/fixcheck';
import type { Finding } from '../lint/types';

export interface FixedFile {
  text: string;
  /** The unified diff (dry run), '' when nothing changes. */
  diff: string;
  /** Set when the file could not be written (already reported). */
  error?: boolean;
}

export function fixFile(file: string, text: string, lint: (text: string) => Finding[], dryRun: boolean): FixedFile {
  const r = safeFixAll(text, lint);
  for (const x of r.refused) {
    process.stderr.write(`layerscope lint: ${file}:${x.line} ${x.code}: fix left out: ${x.problems.join('; ')}\n`);
  }
  if (r.text === text) return { text, diff: '' };
  if (dryRun) {
    const name = file === '-' ? 'Dockerfile' : file;
    return { text: r.text, diff: createTwoFilesPatch(`a/${name}`, `b/${name}`, text, r.text, undefined, undefined, { context: 3 }) };
  }
  try {
    writeFileSync(file, r.text);
  } catch (e) {
    process.stderr.write(`layerscope lint: cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return { text, diff: '', error: true };
  }
  process.stderr.write(`layerscope lint: ${file}: ${r.applied.length} fix${r.applied.length === 1 ? '' : 'es'} applied\n`);
  return { text: r.text, diff: '' };
}
