// DL3000's quick fix: a relative WORKDIR becomes the absolute directory it resolves to. The builder
// joins it to the previous WORKDIR of the stage (or of the stage it builds on); with none, to the base
// image's directory, which we cannot see and take as `/` (the default of an image that sets none).
import type { LintDocument, LintInstruction } from '../document';
import { argsRange, stageChain, unquote } from '../ruleKit';
import type { Fix } from '../types';

const isAbsolute = (p: string) => p.startsWith('/') || p.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('$');

function join(dir: string, rel: string): string {
  const windows = /^[A-Za-z]:/.test(dir);
  const sep = windows ? '\\' : '/';
  const parts = dir.split(/[\\/]/).filter((s) => s !== '');
  for (const seg of rel.split(/[\\/]/)) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') { if (parts.length > (windows ? 1 : 0)) parts.pop(); } else parts.push(seg);
  }
  return windows ? parts.join(sep) + (parts.length === 1 ? sep : '') : '/' + parts.join('/');
}

/** The directory in effect just before `ins` (from WORKDIRs of its stage chain), `/` when none. */
function directoryBefore(ins: LintInstruction): string {
  let cwd = '/';
  for (const s of stageChain(ins)) {
    for (const i of s?.instructions ?? []) {
      if (i === ins) return cwd;
      if (i.keyword !== 'WORKDIR' || i.args.length === 0) continue;
      const p = unquote(i.args.map((a) => a.getValue()).join(' '));
      cwd = isAbsolute(p) ? p : join(cwd, p);
    }
  }
  return cwd;
}

export function absoluteWorkdirFix(doc: LintDocument, ins: LintInstruction): Fix[] | undefined {
  if (ins.args.length === 0) return undefined;
  const range = argsRange(ins);
  const written = doc.textOf(range);
  if (written.includes('\n')) return undefined;
  const path = unquote(written);
  if (isAbsolute(path) || path.includes('$')) return undefined;
  const quote = written !== path ? written[0] : '';
  const target = join(directoryBefore(ins), path);
  return [{ title: `Use the absolute path ${target}`, preferred: true, edits: [{ range, newText: quote + target + quote }] }];
}
