// DL3009: the package lists `apt-get update` (or apt/aptitude update) downloads stay in the layer
// unless the same RUN removes them. The finding sits on the update that created them: an install-only
// RUN downloads no lists. Its quick fix is offered only when it cannot break the build, i.e. when
// no later RUN built on this layer installs without running its own update first.
import type { LintInstruction } from '../../document';
import type { Rule } from '../../rule';
import type { RunShell, ShellCommand } from '../../shell';
import { stageChain } from '../../ruleKit';
import { hasCacheMount, insertAt, invocation, layerMatters, mountsOf, removes, runsOf, spanRange, subIs } from './common';
import { APT_GET } from './tools';

const LISTS = '/var/lib/apt/lists';
const CLEANUP = ' && rm -rf /var/lib/apt/lists/*';
const APT_TOOLS = ['apt-get', 'apt', 'aptitude'];
/** Subcommands that read the package lists. */
const NEEDS_LISTS = ['install', 'reinstall', 'build-dep', 'source', 'download', 'upgrade', 'dist-upgrade', 'full-upgrade'];

function aptSub(cmd: ShellCommand, ...subs: string[]): boolean {
  return cmd.name !== null && APT_TOOLS.includes(cmd.name) && subIs(invocation(cmd.argv.slice(1), APT_GET), ...subs);
}

/**
 * Clean: `rm` of the lists, `apt-get dist-clean`, a tmpfs over them, or cache mounts as hadolint
 * accepts them (on the lists themselves, or on both /var/lib/apt and /var/cache/apt).
 */
function cleans(ins: LintInstruction, run: RunShell): boolean {
  if (removes(run, LISTS) || run.commands.some((c) => aptSub(c, 'dist-clean'))) return true;
  const tmpfs = mountsOf(ins).some((m) => m.get('type') === 'tmpfs' && LISTS.startsWith((m.get('target') ?? m.get('dst') ?? m.get('destination') ?? '\0').replace(/\/$/, '')));
  const onLists = mountsOf(ins).some((m) => m.get('type') === 'cache' && (m.get('target') ?? m.get('dst') ?? m.get('destination') ?? '').replace(/\/$/, '') === LISTS);
  return tmpfs || onLists || (hasCacheMount(ins, '/var/lib/apt') && hasCacheMount(ins, '/var/cache/apt'));
}

/** A later RUN on top of this layer that needs the lists but does not fetch them itself. */
function laterInstallWithoutUpdate(ins: LintInstruction, needy: LintInstruction[]): LintInstruction | undefined {
  return needy.find((later) => later.index > ins.index && stageChain(later).includes(ins.stage));
}

const rule: Rule = {
  meta: { code: 'DL3009', level: 'info', source: 'hadolint', title: 'Delete the apt lists after apt-get update' },
  check(doc, report) {
    const runs = runsOf(doc);
    let needy: LintInstruction[] | undefined; // RUNs that install from the lists without their own update
    for (const { ins, run } of runs) {
      const update = run.commands.find((c) => aptSub(c, 'update'));
      if (!update || !layerMatters(ins) || cleans(ins, run)) continue;
      const last = run.commands[run.commands.length - 1];
      needy ??= runs.filter(({ ins: r, run: sh }) => !r.onbuild && sh.commands.some((c) => aptSub(c, ...NEEDS_LISTS))
        && !sh.commands.some((c) => aptSub(c, 'update'))).map((r) => r.ins);
      const needsLists = laterInstallWithoutUpdate(ins, needy);
      // An ONBUILD trigger runs in someone else's build, whose later RUNs we cannot see: no fix.
      const fixes = run.form !== 'shell' || needsLists || ins.onbuild ? undefined
        : [{ title: 'Append rm -rf /var/lib/apt/lists/*', edits: [insertAt(doc, last.listEnd, CLEANUP)], preferred: true }];
      const why = needsLists ? ` (line ${needsLists.range.start.line + 1} installs from these lists without its own update: run update there too before removing them here)` : '';
      report(spanRange(doc, update), `Remove /var/lib/apt/lists/* in the same RUN as ${update.name} update; otherwise the package lists stay in the layer and grow the image${why}.`, { fixes });
    }
  },
};
export default rule;
