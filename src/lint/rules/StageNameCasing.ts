// StageNameCasing: stage names are case-insensitive to the builder; lowercase avoids confusion
// between `Build` and `build`. Quick fix: lowercase the name and every reference to it.
import type { LintDocument, Stage } from '../document';
import type { Rule } from '../rule';
import type { TextEdit } from '../types';

const rule: Rule = {
  meta: { code: 'StageNameCasing', level: 'warning', source: 'buildkit', title: 'Stage names should be lowercase' },
  check(doc, report) {
    for (const s of doc.stages) {
      if (!s.name || !s.nameRange || s.name === s.name.toLowerCase()) continue;
      const lower = s.name.toLowerCase();
      report(s.nameRange, `Stage name '${s.name}' should be lowercase.`, {
        fixes: [{ title: `Rename stage to '${lower}' (and its references)`, preferred: true, edits: renameEdits(doc, s, lower) }],
      });
    }
  },
};

/** Edits renaming a stage and the FROM / COPY --from / RUN --mount from= references to it. */
function renameEdits(doc: LintDocument, stage: Stage, newName: string): TextEdit[] {
  const edits: TextEdit[] = [{ range: stage.nameRange!, newText: newName }];
  const old = stage.name!.toLowerCase();
  for (const s of doc.stages) {
    if (s.index > stage.index && s.image && s.imageRange && s.image.toLowerCase() === old && s.image !== newName) {
      edits.push({ range: s.imageRange, newText: newName });
    }
  }
  for (const ins of doc.withTriggers()) {
    if (!ins.stage || ins.stage.index <= stage.index) continue;
    for (const f of ins.flags) {
      const name = f.getName().toLowerCase();
      const vr = f.getValueRange();
      const v = f.getValue();
      if (!vr || !v) continue;
      if (name === 'from' && v.toLowerCase() === old && v !== newName) edits.push({ range: vr, newText: newName });
      if (name === 'mount') {
        const start = doc.offsetAt(vr.start);
        const raw = doc.textOf(vr);
        const m = new RegExp(`(^|,)from=(${escape(stage.name!)})(?=,|$)`, 'i').exec(raw);
        if (m && m[2] !== newName) {
          const at = start + m.index + m[1].length + 'from='.length;
          edits.push({ range: doc.rangeAt(at, at + m[2].length), newText: newName });
        }
      }
    }
  }
  return edits;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
export default rule;
