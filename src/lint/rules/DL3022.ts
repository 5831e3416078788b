// DL3022: COPY --from names no earlier stage (and does not look like an image reference).
import type { Rule } from '../rule';
import { flagValue, hasVariable } from '../ruleKit';

const rule: Rule = {
  meta: { code: 'DL3022', level: 'warning', source: 'hadolint', title: 'COPY --from should name an earlier stage' },
  check(doc, report) {
    for (const ins of doc.instructions) {
      if (ins.keyword !== 'COPY' || !ins.stage) continue;
      const from = flagValue(ins, 'from');
      if (!from || hasVariable(from)) continue;
      // A file without FROM has no stage to count: any index names nothing.
      if (ins.stage.implicit && /^\d+$/.test(from)) { report(flagRange(ins), `--from=${from} refers to a stage index, but no FROM defines a stage yet.`); continue; }
      // Copying from the stage itself is DL3023's finding.
      if (from === String(ins.stage.index) || from.toLowerCase() === ins.stage.name?.toLowerCase()) continue;
      if (/^\d+$/.test(from)) {
        if (Number(from) > ins.stage.index) report(flagRange(ins), `--from=${from} refers to a stage index that is not defined before this one.`);
        continue;
      }
      // Image references (with a registry, a path, a tag or a digest) are pulled, not looked up as stages.
      if (/[/:@.]/.test(from)) continue;
      if (doc.stageByRef(from, ins.stage.index)) continue;
      const later = doc.stageByRef(from);
      report(flagRange(ins), later
        ? `Stage '${from}' is defined after this COPY: move it earlier.`
        : `No earlier stage is named '${from}'; it will be pulled as an image. Name the stage with FROM ... AS ${from}, or write the full image reference.`);
    }
  },
};

function flagRange(ins: Parameters<typeof flagValue>[0]) {
  return ins.flags.find((f) => f.getName().toLowerCase() === 'from')!.getRange();
}
export default rule;
