// What later RUNs rely on that a clean-up can take away: apt's package lists, apk's index, pip's and
// npm's caches. Replays every stage's RUNs in order (a stage built FROM another starts with what that
// one left) and records, for each command that needs a resource, whether it is there at that point.
// A fix is harmful when a command that had the resource before the fix has lost it after.
import type { LintDocument, LintInstruction } from '../document';
import { ParsedArgs, parseArgs, runShell, ShellCommand } from '../shell';
import { hasCacheMount } from '../rules/shell/common';

interface Resource {
  name: string;
  /** Where it lives (a cache/tmpfs mount there keeps the RUN's changes out of the layer). */
  dir: string;
  creates(c: ShellCommand): boolean;
  removes(c: ShellCommand): boolean;
  needs(c: ShellCommand): boolean;
}

const APT = ['apt-get', 'apt', 'aptitude'];
const APT_OPTS = { withValue: ['-o', '--option', '-c', '--config-file', '-t', '--target-release', '--default-release', '-a', '--host-architecture'] };

function sub(c: ShellCommand, names: string[], spec = {}): { sub: string | null; args: ParsedArgs } | undefined {
  if (!c.name || !names.includes(c.name)) return undefined;
  const args = parseArgs(c.argv.slice(1), spec);
  return { sub: args.operands[0]?.value ?? null, args };
}

/** rm (any options) of `dir` or something under it. */
function rmUnder(c: ShellCommand, ...dirs: string[]): boolean {
  if (c.name !== 'rm') return false;
  return parseArgs(c.argv.slice(1)).literalOperands().some((p) => dirs.some((d) => p === d || p === d + '/' || p.startsWith(d + '/')));
}

const mentions = (c: ShellCommand, part: string) => c.argv.some((w) => w.shape.includes(part));

export const RESOURCES: Resource[] = [
  {
    name: 'apt package lists (/var/lib/apt/lists)',
    dir: '/var/lib/apt/lists',
    creates: (c) => sub(c, APT, APT_OPTS)?.sub === 'update',
    removes: (c) => rmUnder(c, '/var/lib/apt/lists') || sub(c, APT, APT_OPTS)?.sub === 'dist-clean',
    needs: (c) => {
      const s = sub(c, APT, APT_OPTS)?.sub;
      return !!s && ['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'source', 'download', 'reinstall'].includes(s)
        || (c.name === 'apt-cache' && c.argv.length > 1);
    },
  },
  {
    // apk fetches a missing index by itself; only an install told not to use the network needs it.
    name: 'apk index (/var/cache/apk)',
    dir: '/var/cache/apk',
    creates: (c) => { const s = sub(c, ['apk']); return !!s && (s.sub === 'update' || (!!s.sub && ['add', 'upgrade', 'fix'].includes(s.sub) && !s.args.has('--no-cache'))); },
    removes: (c) => rmUnder(c, '/var/cache/apk') || (sub(c, ['apk'])?.sub === 'cache' && c.argv.some((w) => w.value === 'clean' || w.value === 'purge')),
    needs: (c) => { const s = sub(c, ['apk']); return !!s?.sub && s.args.has('--no-network'); },
  },
  {
    // pip's HTTP and wheel cache: nothing needs it unless a command reads it by path.
    name: 'pip cache (~/.cache/pip)',
    dir: '/root/.cache/pip',
    creates: (c) => /^pip[\d.]*$/.test(c.name ?? '') && c.argv[1]?.value === 'install' && !mentions(c, '--no-cache-dir'),
    removes: (c) => rmUnder(c, '/root/.cache/pip', '~/.cache/pip', '/root/.cache') || (/^pip[\d.]*$/.test(c.name ?? '') && c.argv[1]?.value === 'cache'),
    needs: (c) => c.name !== 'rm' && !/^pip[\d.]*$/.test(c.name ?? '') && mentions(c, '.cache/pip'),
  },
  {
    name: 'npm cache (~/.npm)',
    dir: '/root/.npm',
    creates: (c) => c.name === 'npm' && ['install', 'i', 'ci', 'add'].includes(c.argv[1]?.value ?? ''),
    removes: (c) => rmUnder(c, '/root/.npm', '~/.npm') || (c.name === 'npm' && c.argv[1]?.value === 'cache' && c.argv.some((w) => w.value === 'clean')),
    needs: (c) => c.name === 'npm' && (mentions(c, '--offline') || c.argv.some((w) => w.value === '--cache-min=Infinity')),
  },
];

/** `instructionIndex:resource:k` → whether the k-th command of that RUN needing the resource has it. */
export type NeedsMap = Map<string, boolean>;

/** Replays the RUNs of every stage (ONBUILD triggers run elsewhere and are left out). */
export function replayResources(doc: LintDocument): NeedsMap {
  const out: NeedsMap = new Map();
  const endOf = new Map<number, boolean[]>();
  for (const s of doc.stages) {
    const state = [...(s.parent ? endOf.get(s.parent.index) ?? [] : [])];
    RESOURCES.forEach((_, r) => { state[r] ??= false; });
    for (const ins of s.instructions) if (ins.keyword === 'RUN') replayRun(doc, ins, state, out);
    endOf.set(s.index, state);
  }
  return out;
}

function replayRun(doc: LintDocument, ins: LintInstruction, state: boolean[], out: NeedsMap): void {
  const run = runShell(doc, ins);
  RESOURCES.forEach((res, r) => {
    // A cache or tmpfs mount: whatever this RUN did there is not in the layer; what it needs, the mount may hold.
    if (hasCacheMount(ins, res.dir)) return;
    let here = state[r];
    let k = 0;
    for (const c of run.commands) {
      if (res.needs(c)) out.set(`${ins.index}:${r}:${k++}`, here);
      if (res.creates(c)) here = true;
      if (res.removes(c)) here = false;
    }
    state[r] = here;
  });
}

/** Commands that had a resource before and lost it after: one message each. */
export function lostResources(before: LintDocument, after: LintDocument): string[] {
  const a = replayResources(after);
  const out: string[] = [];
  for (const [key, had] of replayResources(before)) {
    if (!had || a.get(key) !== false) continue;
    const [index, r] = key.split(':').map(Number);
    const ins = after.instructions[index];
    out.push(`line ${after.lineMap.toEditor(ins.range.start).line + 1}: ${ins.keyword} now runs without the ${RESOURCES[r].name} it relied on`);
  }
  return out;
}
