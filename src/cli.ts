// `layerscope <command>`: the same pure core the extension uses, from a terminal or CI.
// Subcommands load on demand: `analyze` need not initialise the Dockerfile parsers, nor `lint` the engine client.

import { errorText } from './model/errorText';

const usage = `Usage:
  layerscope lint [--format tty|json|sarif|checkstyle] [--config FILE] [--failure-threshold LEVEL] [--ignore CODE]... [--no-engine] [--fix [--dry-run]] [--build-arg NAME=VALUE]... [--image IMAGE] FILE... | -
  layerscope analyze IMAGE [--source engine|archive] [--json | --format text|json|markdown] [--dockerfile FILE [--target STAGE] [--build-arg NAME=VALUE]...] [--ci] [--ci-config FILE] [--lowest-efficiency R] [--highest-wasted-bytes SIZE] [--highest-user-wasted-percent R] [--platform OS/ARCH] [--max-entries N]
  layerscope history IMAGE [--json] [--no-config]
  layerscope lint --help | analyze --help | history --help
  layerscope --help | --version`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'lint': return (await import('./cli/lint')).runLintCli(rest);
    case 'analyze': return (await import('./cli/analyze')).runAnalyzeCli(rest);
    case 'history': return (await import('./cli/history')).runHistoryCli(rest);
    case '--version': case '-v':
      process.stdout.write(`${require('../package.json').version}\n`);
      return 0;
    case undefined: case '--help': case '-h': case 'help':
      process.stdout.write(`${usage}\n`);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`layerscope: unknown command '${command}'\n${usage}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    process.stderr.write(`layerscope: ${errorText(err)}\n`);
    process.exitCode = 2;
  },
);
