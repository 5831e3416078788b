// InvalidDefaultArgInFrom: with only the ARG defaults (no --build-arg), the FROM image must still be
// a valid reference; otherwise a plain `docker build .` fails.
import type { LintDocument, Stage } from '../document';
import type { Rule } from '../rule';
import { PREDEFINED_ARGS } from '../ruleKit';

const DOMAIN = '(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*(?::[0-9]+)?/)?';
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const REFERENCE = new RegExp(`^${DOMAIN}${COMPONENT}(?:/${COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$`);

/** True when `ref` parses as an image reference the builder accepts. */
export function isValidReference(ref: string): boolean {
  return ref.length > 0 && REFERENCE.test(ref);
}

const VAR = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+?])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/** The image with global ARG defaults substituted; undefined when an unknown variable is involved. */
export function expandWithDefaults(doc: LintDocument, stage: Stage, image: string): string | undefined {
  const defaults = new Map<string, string | null>();
  for (const a of doc.globalArgs) {
    if (a.index > stage.from.index) break;
    for (const d of doc.declarations(a)) defaults.set(d.name, d.value);
  }
  let unknown = false;
  const out = image.replace(VAR, (_m, braced: string | undefined, op: string | undefined, word: string | undefined, plain: string | undefined) => {
    const name = braced ?? plain!;
    if (!defaults.has(name)) { unknown = true; return ''; }
    const value = defaults.get(name) ?? '';
    const set = op?.startsWith(':') ? value !== '' : defaults.get(name) !== null;
    switch (op) {
      case '-': case ':-': return set ? value : (word ?? '');
      case '+': case ':+': return set ? (word ?? '') : '';
      default: return value;
    }
  });
  return unknown ? undefined : out;
}

const rule: Rule = {
  meta: { code: 'InvalidDefaultArgInFrom', level: 'warning', source: 'buildkit', title: 'ARG defaults must give FROM a valid image' },
  check(doc, report) {
    for (const s of doc.stages) {
      if (!s.image || !s.imageRange || !s.image.includes('$')) continue;
      if (s.from.node.getVariables().some((v) => PREDEFINED_ARGS.has(v.getName()))) continue;
      const expanded = expandWithDefaults(doc, s, s.image);
      if (expanded === undefined || isValidReference(expanded)) continue;
      report(s.imageRange, expanded === ''
        ? `With the ARG defaults, '${s.image}' is empty: give the ARG a default value.`
        : `With the ARG defaults, '${s.image}' becomes '${expanded}', which is not a valid image reference: give the ARG a default value.`);
    }
  },
};
export default rule;
