// DL3020: ADD of plain local files; COPY says what happens (no implicit extraction, no downloads).
import type { Rule } from '../rule';
import { copyParts, hasVariable, isUrl } from '../ruleKit';
import { addToCopyFix } from '../fixes/addToCopy';

/** Local archives ADD extracts (.zip is not one of them). */
const ARCHIVE = /\.(tar|tar\.(gz|bz2|xz|zst|lz|lzma|z)|tgz|tbz2?|txz|tzst|gz|bz2|xz|zst|lzma|lz)$/i;

const rule: Rule = {
  meta: { code: 'DL3020', level: 'error', source: 'hadolint', title: 'Use COPY instead of ADD for files and folders' },
  check(doc, report) {
    for (const ins of doc.withTriggers()) {
      if (ins.keyword !== 'ADD') continue;
      const parts = copyParts(ins);
      if (!parts) continue;
      if (parts.sources.some((s) => isUrl(s.value) || ARCHIVE.test(s.value) || hasVariable(s.value))) continue;
      report(ins.keywordRange, 'ADD copies plain files here: use COPY, which does only that (ADD also fetches URLs and unpacks archives).',
        { fixes: addToCopyFix(doc, ins, parts.sources.map((s) => s.value)) });
    }
  },
};
export default rule;
