// DL3047: wget's default progress bar prints a line per chunk in a build log, burying everything else.
import type { Rule } from '../../rule';
import { parseArgs } from '../../shell';
import { addAfterWord, commandsNamed, spanRange } from './common';
import { wgetQuietOption } from '../../fixes/wgetQuiet';

export const WGET = {
  withValue: ['-O', '--output-document', '-o', '--output-file', '-a', '--append-output', '-P', '--directory-prefix',
    '-t', '--tries', '-T', '--timeout', '-U', '--user-agent', '--header', '-e', '--execute', '-i', '--input-file',
    '-w', '--wait', '--progress', '--user', '--password', '-B', '--base', '--post-data', '--method', '-l', '--level',
    '-A', '--accept', '-R', '--reject', '-D', '--domains', '-Q', '--quota', '-n'],
};

const rule: Rule = {
  meta: { code: 'DL3047', level: 'info', source: 'hadolint', title: 'Use wget with --progress (or quiet output)' },
  check(doc, report) {
    for (const { ins, run, cmd } of commandsNamed(doc, 'wget')) {
      const args = parseArgs(cmd.argv.slice(1), WGET);
      // -nv is `-n v` to wget's option parser.
      const quiet = args.has('-q', '--quiet', '--no-verbose', '--progress', '-o', '--output-file', '-a', '--append-output')
        || args.values('-n').includes('v');
      if (quiet) continue;
      report(spanRange(doc, cmd), 'Add --progress=dot:giga (or -q / -nv) to wget: its default progress bar floods the build log.', {
        fixes: addAfterWord(doc, run, cmd.argv[0], wgetQuietOption(doc, ins)),
      });
    }
  },
};
export default rule;
