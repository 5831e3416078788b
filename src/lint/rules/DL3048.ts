// DL3048: label keys follow the Docker convention: lowercase letters, digits, `.` and `-`,
// starting and ending with a letter or digit, outside the namespaces Docker reserves.
import type { Rule } from '../rule';
import { stageLabels } from '../labels';

const KEY = /^[a-z0-9]+([.-][a-z0-9]+)*$/;
const RESERVED = /^(com\.docker\.|io\.docker\.|org\.dockerproject\.)/;

export function labelKeyProblem(key: string): string | undefined {
  if (RESERVED.test(key)) return 'uses a namespace Docker reserves (com.docker., io.docker., org.dockerproject.)';
  if (!KEY.test(key)) return 'should use only lowercase letters, digits, "." and "-", starting and ending with a letter or digit';
  return undefined;
}

const rule: Rule = {
  meta: { code: 'DL3048', level: 'style', source: 'hadolint', title: 'Use valid label keys' },
  check(doc, report) {
    for (const s of doc.stages) {
      for (const l of stageLabels(s)) {
        if (l.key.includes('$')) continue;
        const problem = labelKeyProblem(l.key.replace(/^["']|["']$/g, ''));
        if (problem) report(l.keyRange, `Label key '${l.key}' ${problem}.`);
      }
    }
  },
};
export default rule;
