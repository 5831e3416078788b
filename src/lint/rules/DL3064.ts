// DL3064 / SecretsUsedInArgOrEnv: ARG and ENV values stay in the image metadata and history;
// secrets belong in `RUN --mount=type=secret`.
import type { Rule } from '../rule';

const SECRET_WORDS = new Set(['apikey', 'auth', 'credential', 'credentials', 'key', 'password', 'passwd', 'pword', 'secret', 'token']);
/** Names BuildKit exempts: `PUBLIC_KEY`, `*_FILE` (a path to the secret), `*_VERSION`. */
const SAFE_WORDS = new Set(['public', 'file', 'version']);

/** The words of a name as BuildKit reads them: split on `_` only, any case (`GITHUB_TOKEN`, not `githubToken`). */
function words(name: string): string[] {
  return name.toLowerCase().split('_');
}

export function looksSecret(name: string): boolean {
  const w = words(name);
  return w.some((x) => SECRET_WORDS.has(x)) && !w.some((x) => SAFE_WORDS.has(x));
}

const rule: Rule = {
  meta: { code: 'DL3064', aliases: ['SecretsUsedInArgOrEnv'], level: 'warning', source: 'hadolint', title: 'Do not put secrets in ARG or ENV' },
  check(doc, report) {
    for (const ins of doc.withTriggers()) {
      for (const d of doc.declarations(ins)) {
        if (looksSecret(d.name)) {
          report(d.nameRange, `${d.kind} '${d.name}' looks like it holds a secret; its value is kept in the image. Pass secrets with RUN --mount=type=secret instead.`);
        }
      }
    }
  },
};
export default rule;
