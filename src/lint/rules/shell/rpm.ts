// Shared checks for the RPM package tools (yum, dnf, microdnf), whose rules differ only in names.
import type { LintDocument, LintInstruction } from '../../document';
import type { Report } from '../../rule';
import { PREDEFINED_IN_STAGE } from '../../ruleKit';
import type { RunShell, ShellCommand, ShellWord } from '../../shell';
import { Invocation, commandsNamed, hasCacheMount, invocation, layerMatters, nameList, removesAfter, spanRange, subIs } from './common';
import { RPM_TOOL, rpmPinned, unpinned } from './tools';

const YUM_INSTALL = ['install', 'groupinstall', 'localinstall', 'reinstall'];
/** dnf's install commands and their aliases (upgrades with names install too). */
const DNF_INSTALL = [...YUM_INSTALL, 'in', 'rei', 'upgrade', 'up', 'update', 'upgrade-minimal', 'up-min', 'update-minimal'];

interface RpmInstall { ins: LintInstruction; run: RunShell; cmd: ShellCommand; inv: Invocation; packages: ShellWord[]; module: boolean }

/** Every install by one of `tools`: `install` and its aliases, and `dnf module install name:stream`. */
export function rpmInstalls(doc: LintDocument, ...tools: string[]): RpmInstall[] {
  return commandsNamed(doc, ...tools).flatMap((rc): RpmInstall[] => {
    const inv = invocation(rc.cmd.argv.slice(1), RPM_TOOL);
    const installs = rc.cmd.name === 'yum' ? YUM_INSTALL : DNF_INSTALL;
    if (subIs(inv, ...installs)) return [{ ...rc, inv, packages: inv.operands, module: false }];
    if (subIs(inv, 'module') && inv.operands[0]?.value === 'install') return [{ ...rc, inv, packages: inv.operands.slice(1), module: true }];
    return [];
  });
}

export function checkAssumeYes(doc: LintDocument, report: Report, ...tools: string[]): void {
  for (const { cmd, inv } of rpmInstalls(doc, ...tools)) {
    if (inv.args.has('-y', '--assumeyes')) continue;
    report(spanRange(doc, cmd), `Add -y to ${cmd.name} install: a build cannot answer its confirmation prompt.`);
  }
}

export function checkPinned(doc: LintDocument, report: Report, ...tools: string[]): void {
  for (const { ins, cmd, packages, module } of rpmInstalls(doc, ...tools)) {
    const loose = unpinned(packages.map((w) => expandUndefined(doc, ins, w)), module ? (s) => s.includes(':') || s.startsWith('@') : rpmPinned);
    if (loose.length === 0) continue;
    report(spanRange(doc, { start: loose[0].start, end: loose[loose.length - 1].end }), module
      ? `Name a stream in ${cmd.name} module install (module:stream) for ${nameList(loose)}.`
      : `Pin versions in ${cmd.name} install (package-version) for ${nameList(loose)}.`);
  }
}

/**
 * A word whose only expansions are variables that an ARG or ENV of some other, unrelated stage
 * defines (and nothing in this stage's scope), read as the literal text left when they expand to
 * nothing here (`httpd-${version}` → `httpd-`). A variable the file never defines may come from the
 * base image or the RUN itself, so it keeps counting as a version.
 */
function expandUndefined(doc: LintDocument, ins: LintInstruction, w: ShellWord): ShellWord {
  if (w.value !== null) return w;
  const raw = doc.text.slice(w.start, w.end);
  const names = [...raw.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)([^}]*)\}?/g)];
  const scope = doc.scopeAt(ins);
  const expansions = w.shape.split('\u0000').length - 1;
  if (names.length !== expansions || names.some((m) => m[2] !== '' || scope.has(m[1]) || PREDEFINED_IN_STAGE.has(m[1]))) return w;
  const declared = new Set(doc.instructions.flatMap((i) => doc.declarations(i).map((d) => d.name)));
  if (names.some((m) => !declared.has(m[1]))) return w;
  const value = w.shape.split('\u0000').join('');
  return { ...w, value, shape: value };
}

function cleansAllAfter(run: RunShell, tools: string[], after: number): boolean {
  return run.commands.some((c) => {
    if (c.start < after || c.name === null || !tools.includes(c.name)) return false;
    const inv: Invocation = invocation(c.argv.slice(1), RPM_TOOL);
    return subIs(inv, 'clean') && inv.operands.some((w) => w.value === 'all');
  });
}

/**
 * `<tool> clean all` by the same tool or deleting the cache directory after the install in the same
 * RUN, or a cache or tmpfs mount on it. A clean placed before the install cleans nothing the install
 * leaves, and one tool's clean does not empty another's cache (microdnf and dnf keep separate ones).
 */
export function checkCleaned(doc: LintDocument, report: Report, tools: string[], cacheDirs: string[]): void {
  const seen = new Map<LintInstruction, Set<string | null>>();
  const installs = rpmInstalls(doc, ...tools);
  for (const { ins, run, cmd } of installs) {
    const done = seen.get(ins) ?? new Set();
    if (done.has(cmd.name) || !layerMatters(ins)) continue;
    seen.set(ins, done.add(cmd.name));
    const last = installs.filter((i) => i.ins === ins && i.cmd.name === cmd.name).pop()!.cmd;
    if (cleansAllAfter(run, [cmd.name!], last.end) || cacheDirs.some((d) => removesAfter(run, d, last.end)) || hasCacheMount(ins, ...cacheDirs)) continue;
    report(spanRange(doc, cmd), `Run '${cmd.name} clean all' after ${cmd.name} install in the same RUN, or its package cache stays in the layer.`);
  }
}
