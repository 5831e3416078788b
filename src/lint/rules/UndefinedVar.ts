// UndefinedVar: a $VAR the builder expands (COPY, ADD, ENV, WORKDIR, LABEL, USER, EXPOSE...) that no
// ARG or ENV defines expands to nothing. RUN/CMD/ENTRYPOINT are left to the shell, so not checked.
// We cannot see the base image's own ENV; only ARG/ENV of this file (and PATH, platform args) count.
import type { Rule } from '../rule';
import { PREDEFINED_IN_STAGE, suggest } from '../ruleKit';

const SHELL_EXPANDED = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'SHELL', 'ONBUILD', 'FROM', 'MAINTAINER']);

const rule: Rule = {
  meta: { code: 'UndefinedVar', level: 'warning', source: 'buildkit', title: 'Variables should be defined before they are used' },
  check(doc, report) {
    for (const s of doc.stages) {
      // The base image's own ENV is invisible here; say so when the stage starts from an image.
      let root = s;
      while (root.parent) root = root.parent;
      const base = root.image && root.image.toLowerCase() !== 'scratch' ? root.image : undefined;
      for (const ins of s.instructions) {
        if (SHELL_EXPANDED.has(ins.keyword) || !doc.textOf(ins.range).includes('$')) continue;
        const scope = doc.scopeAt(ins);
        // Names set earlier in this same ENV/ARG count as defined here (DL3044 covers ENV's catch).
        const here = doc.declarations(ins);
        for (const v of ins.node.getVariables()) {
          const name = v.getName();
          if (!name || scope.has(name) || PREDEFINED_IN_STAGE.has(name)) continue;
          if (v.getModifier() !== null) continue; // ${X:-default}, ${X:+alt}: the author handled "unset"
          const declaredBefore = here.some((d) => d.name === name && comparePos(d.nameRange.start, v.getRange().start) < 0);
          if (declaredBefore) continue;
          const guess = suggest(name, [...scope, 'PATH']);
          const hint = guess ? ` (did you mean $${guess}?)` : base ? ` unless the base image ${base} sets it` : '';
          report(v.getRange(), `'$${name}' is not defined by any ARG or ENV before this line, so it expands to an empty string${hint}.`);
        }
      }
    }
  },
};

function comparePos(a: { line: number; character: number }, b: { line: number; character: number }): number {
  return a.line - b.line || a.character - b.character;
}
export default rule;
