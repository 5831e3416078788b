// Shared checks for the RPM package tools (yum, dnf, microdnf), whose rules differ only in names.
import type { LintDocument, LintInstruction } from '../../document';
import type { Report } from '../../rule';
import { Invocation, commandsNamed, hasCacheMount, invocation, layerMatters, nameList, removes, spanRange, subIs } from './common';
import { RPM_TOOL, rpmPinned, unpinned } from './tools';
import type { RunShell } from '../../shell';

const INSTALL = ['install', 'groupinstall', 'localinstall'];

export function rpmInstalls(doc: LintDocument, ...tools: string[]) {
  return commandsNamed(doc, ...tools).flatMap((rc) => {
    const inv = invocation(rc.cmd.argv.slice(1), RPM_TOOL);
    return subIs(inv, ...INSTALL) ? [{ ...rc, inv }] : [];
  });
}

export function checkAssumeYes(doc: LintDocument, report: Report, tool: string): void {
  for (const { cmd, inv } of rpmInstalls(doc, tool)) {
    if (inv.args.has('-y', '--assumeyes')) continue;
    report(spanRange(doc, cmd), `Add -y to ${tool} install: a build cannot answer its confirmation prompt.`);
  }
}

export function checkPinned(doc: LintDocument, report: Report, ...tools: string[]): void {
  for (const { cmd, inv } of rpmInstalls(doc, ...tools)) {
    const loose = unpinned(inv.operands, rpmPinned);
    if (loose.length === 0) continue;
    report(spanRange(doc, { start: loose[0].start, end: loose[loose.length - 1].end }),
      `Pin versions in ${cmd.name} install (package-version) for ${nameList(loose)}.`);
  }
}

function cleansAll(run: RunShell, tools: string[]): boolean {
  return run.commands.some((c) => {
    if (c.name === null || !tools.includes(c.name)) return false;
    const inv: Invocation = invocation(c.argv.slice(1), RPM_TOOL);
    return subIs(inv, 'clean') && inv.operands.some((w) => w.value === 'all');
  });
}

/** `<tool> clean all`, deleting the cache directory, or a cache mount on it, in the installing RUN. */
export function checkCleaned(doc: LintDocument, report: Report, tools: string[], cacheDirs: string[]): void {
  const seen = new Set<LintInstruction>();
  for (const { ins, run, cmd } of rpmInstalls(doc, ...tools)) {
    if (seen.has(ins) || !layerMatters(ins)) continue;
    seen.add(ins);
    if (cleansAll(run, tools) || cacheDirs.some((d) => removes(run, d)) || hasCacheMount(ins, ...cacheDirs)) continue;
    report(spanRange(doc, cmd), `Run '${cmd.name} clean all' in the same RUN as ${cmd.name} install, or its package cache stays in the layer.`);
  }
}
