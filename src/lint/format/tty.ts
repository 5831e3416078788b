// Human output: `file:line:col CODE level: message`, coloured by level when `color` is set.
import type { Level } from '../types';
import { FileResult, rows } from './common';

const COLOR: Record<Level, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', style: '\x1b[2m' };
const RESET = '\x1b[0m';

export function formatTty(results: FileResult[], color = false): string {
  const out = rows(results).map(({ file, line, column, f }) => {
    const level = color ? `${COLOR[f.level]}${f.level}${RESET}` : f.level;
    return `${file}:${line}:${column} ${f.code} ${level}: ${f.message}`;
  });
  return out.length ? out.join('\n') + '\n' : '';
}
