// InvalidDefinitionDescription (BuildKit, experimental: off by default): a comment right above a
// named FROM or an ARG becomes that stage's or argument's description in `docker build
// --call=outline`, and must then start with its name (for an ARG with several names: one of them).
// Reported on the instruction, as BuildKit does.
import type { LintInstruction } from '../document';
import type { Rule } from '../rule';
import { headRange } from '../rule';

const rule: Rule = {
  meta: {
    code: 'InvalidDefinitionDescription', level: 'warning', source: 'buildkit', offByDefault: true,
    title: 'A comment right above FROM or ARG should start with the stage or argument name',
  },
  check(doc, report) {
    const commentAt = new Map(doc.comments.map((c) => [c.getRange().start.line, c]));
    for (const ins of doc.instructions) {
      const names = definedNames(doc, ins);
      if (names.length === 0) continue;
      // BuildKit reads the comment right above; an empty `#` ends a description block.
      const above = commentAt.get(ins.range.start.line - 1);
      const first = above?.getContent().trim().split(' ')[0];
      if (!first || names.includes(first)) continue;
      const example = names.length > 1 ? '<name>' : names[0];
      report(headRange(doc, ins), `The comment right above describes this ${ins.keyword} in the build outline: start it with '${example}', or separate it from the ${ins.keyword} with an empty line.`);
    }
  },
};

/** The stage name (lower case, as BuildKit keeps it) of a named FROM, or every name an ARG declares. */
function definedNames(doc: { declarations(i: LintInstruction): { name: string }[] }, ins: LintInstruction): string[] {
  if (ins.keyword === 'FROM') return ins.stage?.from === ins && ins.stage.name ? [ins.stage.name.toLowerCase()] : [];
  if (ins.keyword === 'ARG') return doc.declarations(ins).map((d) => d.name);
  return [];
}
export default rule;
