// zypper invocations: global options come before the subcommand, command options after it.
import type { LintDocument } from '../../document';
import { RunCommand, commandsNamed, invocation, Invocation } from './common';
import { ZYPPER } from './tools';

export const ZYPPER_INSTALL = ['install', 'in'];

export function zypperCalls(doc: LintDocument): (RunCommand & { inv: Invocation })[] {
  return commandsNamed(doc, 'zypper').map((rc) => ({ ...rc, inv: invocation(rc.cmd.argv.slice(1), ZYPPER) }));
}
