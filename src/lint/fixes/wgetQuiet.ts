// DL3047's quick fix. GNU wget takes --progress=dot:giga; BusyBox's wget (Alpine, busybox images)
// rejects it and fails the build, so there the fix adds -q, which both understand.
import type { LintDocument, LintInstruction } from '../document';
import { stageChain } from '../ruleKit';

/** Base images whose wget is BusyBox's (unless GNU wget is installed, which still takes -q). */
export const BUSYBOX_IMAGE = /(^|\/)(alpine|busybox)([:@]|$)/i;

/** Whether `ins` runs in a stage built on an Alpine or BusyBox image, or one that uses apk. */
export function maybeBusybox(doc: LintDocument, ins: LintInstruction): boolean {
  const chain = stageChain(ins);
  if (chain.length === 0) return true;
  if (BUSYBOX_IMAGE.test(chain[0]?.image ?? '')) return true;
  return chain.some((s) => s?.instructions.some((i) => i.keyword === 'RUN' && /(^|[\s;&|(])apk\s/.test(doc.textOf(i.range))));
}

export function wgetQuietOption(doc: LintDocument, ins: LintInstruction): string {
  return maybeBusybox(doc, ins) ? '-q' : '--progress=dot:giga';
}
