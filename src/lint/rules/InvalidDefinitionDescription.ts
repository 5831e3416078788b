// InvalidDefinitionDescription (BuildKit, experimental: off by default): a comment right above a
// named FROM or an ARG becomes that stage's or argument's description in `docker build
// --call=outline`, and must then start with its name.
import type { LintInstruction } from '../document';
import type { Rule } from '../rule';

const rule: Rule = {
  meta: {
    code: 'InvalidDefinitionDescription', level: 'warning', source: 'buildkit', offByDefault: true,
    title: 'A comment right above FROM or ARG should start with the stage or argument name',
  },
  check(doc, report) {
    const commentAt = new Map(doc.comments.map((c) => [c.getRange().start.line, c]));
    for (const ins of doc.instructions) {
      const name = definedName(doc, ins);
      if (!name) continue;
      let line = ins.range.start.line - 1;
      if (!commentAt.has(line)) continue;
      while (commentAt.has(line - 1)) line--;
      const first = commentAt.get(line)!;
      if (first.getContent().trim().split(/\s+/)[0] === name) continue;
      report(first.getRange(), `This comment describes '${name}' in the build outline: start it with '${name}', or separate it from the ${ins.keyword} with an empty line.`);
    }
  },
};

function definedName(doc: { declarations(i: LintInstruction): { name: string }[] }, ins: LintInstruction): string | undefined {
  if (ins.keyword === 'FROM') return ins.stage?.from === ins ? ins.stage.name ?? undefined : undefined;
  if (ins.keyword === 'ARG') return doc.declarations(ins)[0]?.name;
  return undefined;
}
export default rule;
