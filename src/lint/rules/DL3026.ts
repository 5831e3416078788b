// DL3026: with `trustedRegistries` configured, images must come from one of them: base images, and
// images read by COPY --from=<image> or RUN --mount=…,from=<image>.
import type { Rule } from '../rule';
import { stageRefs } from '../document';
import { hasVariable } from '../ruleKit';

/** The registry host of an image reference (`docker.io` when none is written). */
export function registryOf(image: string): string {
  const first = image.split('/')[0];
  if (image.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')) return first.toLowerCase();
  return 'docker.io';
}

function trusted(registry: string, list: string[]): boolean {
  return list.some((t) => {
    const p = t.toLowerCase();
    if (p === '*') return true;
    if (p.startsWith('*.')) return registry.endsWith(p.slice(1));
    return registry === p || (p === 'docker.io' && registry === 'index.docker.io') || (p === 'hub.docker.com' && registry === 'docker.io');
  });
}

const rule: Rule = {
  meta: { code: 'DL3026', level: 'error', source: 'hadolint', title: 'Use only trusted registries (trustedRegistries)' },
  check(doc, report) {
    const list = doc.config.trustedRegistries;
    if (!list.length) return;
    for (const s of doc.stages) {
      if (!s.image || !s.imageRange || hasVariable(s.image) || s.image.toLowerCase() === 'scratch' || doc.stageByRef(s.image, s.index)) continue;
      const reg = registryOf(s.image);
      if (!trusted(reg, list)) report(s.imageRange, `'${s.image}' comes from ${reg}, which is not in trustedRegistries (${list.join(', ')}).`);
    }
    for (const ins of doc.withTriggers()) {
      for (const ref of stageRefs(ins)) {
        if (hasVariable(ref) || /^\d+$/.test(ref) || doc.stageByRef(ref, ins.stage?.index ?? Infinity)) continue;
        const reg = registryOf(ref);
        const flag = ins.flags.find((f) => (f.getValue() ?? '').includes(ref)) ?? ins.flags[0];
        if (!trusted(reg, list)) report(flag.getRange(), `'${ref}' comes from ${reg}, which is not in trustedRegistries (${list.join(', ')}).`);
      }
    }
  },
};
export default rule;
