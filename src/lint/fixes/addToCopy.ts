// DL3020's quick fix: ADD → COPY, offered only where COPY does the same thing. The rule already skips
// URLs, archive names and variables; here we also leave ADD-only flags alone and look inside a local
// source when we can read it: ADD unpacks a tar or compressed file whatever its name.
import type { LintDocument, LintInstruction } from '../document';
import type { Fix } from '../types';

const ADD_ONLY_FLAGS = new Set(['checksum', 'keep-git-dir', 'unpack']);

/** Magic numbers of what ADD unpacks: tar (at 257), gzip, bzip2, xz, zstd. */
function looksLikeArchive(content: string): boolean {
  return content.slice(257, 262) === 'ustar' || content.startsWith('\u001f') || content.startsWith('BZh')
    || content.startsWith('\ufffd7zXZ') || content.startsWith('\u00fd7zXZ') || content.startsWith('(\ufffd/\ufffd') || content.startsWith('(\u00b5/\u00fd');
}

/** `COPY` written in the ADD keyword's own letter case. */
function copyKeyword(written: string): string {
  if (written === written.toLowerCase()) return 'copy';
  if (written === written.toUpperCase()) return 'COPY';
  return 'Copy';
}

export function addToCopyFix(doc: LintDocument, ins: LintInstruction, sources: string[]): Fix[] | undefined {
  if (ins.flags.some((f) => ADD_ONLY_FLAGS.has(f.getName().toLowerCase()))) return undefined;
  if (doc.readFile && sources.some((s) => !/[*?[]/.test(s) && looksLikeArchive(doc.readFile!(s) ?? ''))) return undefined;
  return [{ title: 'Replace ADD with COPY', preferred: true, edits: [{ range: ins.keywordRange, newText: copyKeyword(ins.keywordText) }] }];
}
