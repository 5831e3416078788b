// DL3048: label keys follow the Docker convention: lowercase letters, digits, `.` and `-`,
// starting with a letter and ending with a letter or digit, outside the namespaces Docker reserves.
// A `$` in a key is reported too: the key then depends on a build argument.
import type { Rule } from '../rule';
import { labelsOf } from '../labels';

const KEY = /^[a-z][a-z0-9]*([.-][a-z0-9]+)*$/;
const RESERVED = /^(com\.docker\.|io\.docker\.|org\.dockerproject\.)/;

export function labelKeyProblem(key: string): string | undefined {
  if (RESERVED.test(key)) return 'uses a namespace Docker reserves (com.docker., io.docker., org.dockerproject.)';
  if (!KEY.test(key)) return 'should use only lowercase letters, digits, "." and "-", starting with a letter and ending with a letter or digit';
  return undefined;
}

const rule: Rule = {
  meta: { code: 'DL3048', level: 'style', source: 'hadolint', title: 'Use valid label keys' },
  check(doc, report) {
    for (const ins of doc.withTriggers()) {
      if (ins.keyword !== 'LABEL') continue;
      for (const l of labelsOf(ins)) {
        const problem = labelKeyProblem(l.key.replace(/^["']|["']$/g, ''));
        if (problem) report(l.keyRange, `Label key '${l.key}' ${problem}.`);
      }
    }
  },
};
export default rule;
