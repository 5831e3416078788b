// UndefinedVar: a $VAR the builder expands (COPY, ADD, ENV, WORKDIR, LABEL, USER, EXPOSE...) that no
// ARG or ENV defines expands to nothing. RUN/CMD/ENTRYPOINT are left to the shell, so not checked,
// and neither is the body of a quoted here-document (`COPY <<"EOF"`), which BuildKit never expands.
// The base image's own ENV counts when the local engine has the image; otherwise the finding hedges
// ("unless the base image sets it") at level info.
import { envNames } from '../baseImage';
import type { LintDocument, LintInstruction, Stage } from '../document';
import type { Rule } from '../rule';
import { hasVariable, PREDEFINED_IN_STAGE, suggest } from '../ruleKit';
import type { Position, Range } from '../types';

const SHELL_EXPANDED = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'SHELL', 'ONBUILD', 'FROM', 'MAINTAINER']);

const rule: Rule = {
  meta: { code: 'UndefinedVar', level: 'warning', source: 'buildkit', title: 'Variables should be defined before they are used' },
  check(doc, report) {
    for (const s of doc.stages) {
      const base = baseOf(s);
      const facts = base ? doc.baseImage(base) : undefined;
      const fromImage = facts ? envNames(facts) : new Set<string>();
      for (const ins of s.instructions) {
        if (SHELL_EXPANDED.has(ins.keyword) || !doc.textOf(ins.range).includes('$')) continue;
        const scope = doc.scopeAt(ins);
        // Names set earlier in this same ENV/ARG count as defined here (DL3044 covers ENV's catch).
        const here = doc.declarations(ins);
        const literal = quotedBodies(doc, ins);
        for (const v of ins.node.getVariables()) {
          const name = v.getName();
          if (!name || scope.has(name) || PREDEFINED_IN_STAGE.has(name) || fromImage.has(name)) continue;
          if (v.getModifier() !== null || /[-+?=]/.test(name)) continue; // ${X:-default}, ${X-default}: the author handled "unset"
          const at = v.getRange().start;
          if (here.some((d) => d.name === name && comparePos(d.nameRange.start, at) < 0)) continue;
          if (literal.some((r) => comparePos(r.start, at) <= 0 && comparePos(at, r.end) < 0)) continue;
          const guess = suggest(name, [...scope, 'PATH']);
          const unknownBase = base !== undefined && !facts ? base : undefined;
          const hedge = !guess && unknownBase !== undefined;
          const hint = guess ? ` (did you mean $${guess}?)` : hedge ? ` unless the base image ${base} sets it` : '';
          report(v.getRange(), `'$${name}' is not defined by any ARG or ENV before this line, so it expands to an empty string${hint}.`,
            { level: hedge ? 'info' : undefined, baseImage: unknownBase });
        }
      }
    }
  },
};

/** The image at the root of a stage's FROM chain, unless scratch or unknown (a variable). */
function baseOf(s: Stage): string | undefined {
  let root = s;
  while (root.parent) root = root.parent;
  if (!root.image || root.implicit || root.image.toLowerCase() === 'scratch' || hasVariable(root.image)) return undefined;
  return root.image;
}

/** Bodies of quoted here-documents (`<<"EOF"`, `<<'EOF'`, `<<-"EOF"`): copied or run without expansion. */
function quotedBodies(doc: LintDocument, ins: LintInstruction): Range[] {
  return ins.heredocs.flatMap((h) => {
    const name = h.getNameRange();
    const before = doc.textOf({ start: { line: name.start.line, character: Math.max(0, name.start.character - 1) }, end: name.start });
    const content = h.getContentRange();
    return (before === '"' || before === "'") && content ? [content] : [];
  });
}

function comparePos(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}
export default rule;
