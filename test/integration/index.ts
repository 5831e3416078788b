// The integration test entry (extensionTestsPath): runs inside the real VS Code extension host,
// runs mocha over every compiled *.test.js beside it, relays mocha's lines to the launcher through
// the channel folder (output.log) and writes results.json for it. See support/README.md.
import * as fs from 'fs';
import * as path from 'path';
import { inspect } from 'util';
import Mocha = require('mocha');
import { channelFile } from './support/channel';

interface Failure { title: string; error: string; stack?: string }
export interface Results { passed: number; failed: number; pending: number; durationMs: number; failures: Failure[] }

const { EVENT_SUITE_BEGIN, EVENT_SUITE_END, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING } = Mocha.Runner.constants;

export async function run(): Promise<void> {
  const output = channelFile('output.log');
  const log = console.log.bind(console);
  const write = (line: string) => {
    log(line);
    if (output) fs.appendFileSync(output, `${line}\n`);
  };
  // Tests' own console lines reach the launcher's terminal too. The extension host defines the
  // console methods as accessors that ignore assignment, so redefine them.
  for (const level of ['log', 'info', 'warn', 'error'] as const) {
    const original = console[level];
    const relay = (...args: unknown[]) => {
      original.apply(console, args);
      if (output) fs.appendFileSync(output, `${args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ')}\n`);
    };
    try {
      Object.defineProperty(console, level, { value: relay, writable: true, configurable: true });
    } catch {
      /* not redefinable here: the lines still reach the Debug Console */
    }
  }
  const results: Results = { passed: 0, failed: 0, pending: 0, durationMs: 0, failures: [] };
  const started = Date.now();
  write(`integration: VS Code ${require('vscode').version}, DOCKER_HOST=${process.env.DOCKER_HOST ?? '(unset)'}`);
  try {
    const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: relayReporter(write, results) });
    const grep = process.env.LAYERSCOPE_IT_GREP;
    if (grep) mocha.grep(grep);
    const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
    for (const f of files) mocha.addFile(path.join(__dirname, f));
    write(`integration: ${files.length} test file(s): ${files.join(', ')}`);
    await new Promise<void>((resolve) => mocha.run(() => resolve()));
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    results.failed++;
    results.failures.push({ title: 'loading the integration tests', error: e.message, stack: e.stack });
    write(`integration: could not run the tests: ${e.stack ?? e.message}`);
  }
  results.durationMs = Date.now() - started;
  const resultsFile = channelFile('results.json');
  if (resultsFile) {
    fs.writeFileSync(`${resultsFile}.tmp`, JSON.stringify(results, null, 2));
    fs.renameSync(`${resultsFile}.tmp`, resultsFile);
  }
  // A desktop VS Code (no launcher) reports a rejected run() through its exit code.
  if (results.failed > 0) throw new Error(`${results.failed} integration test(s) failed`);
}

/** A spec-like reporter that writes through `write` (the extension host has no terminal of its own). */
function relayReporter(write: (line: string) => void, results: Results) {
  return class RelayReporter extends Mocha.reporters.Base {
    constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
      super(runner, options);
      let depth = 0;
      const pad = () => '  '.repeat(depth);
      runner.on(EVENT_SUITE_BEGIN, (suite: Mocha.Suite) => {
        if (suite.title) write(`${pad()}${suite.title}`);
        depth++;
      });
      runner.on(EVENT_SUITE_END, () => { depth--; });
      runner.on(EVENT_TEST_PASS, (test: Mocha.Test) => {
        results.passed++;
        write(`${pad()}✔ ${test.title} (${test.duration ?? 0}ms)`);
      });
      runner.on(EVENT_TEST_PENDING, (test: Mocha.Test) => {
        results.pending++;
        write(`${pad()}- ${test.title} (pending)`);
      });
      runner.on(EVENT_TEST_FAIL, (test: Mocha.Test, err: Error) => {
        results.failed++;
        results.failures.push({ title: test.fullTitle(), error: err.message, stack: err.stack });
        write(`${pad()}✘ ${results.failures.length}) ${test.title}`);
      });
      runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
        write('');
        write(`  ${results.passed} passing`);
        if (results.pending) write(`  ${results.pending} pending`);
        if (results.failed) write(`  ${results.failed} failing`);
        results.failures.forEach((f, i) => write(`\n  ${i + 1}) ${f.title}:\n     ${(f.stack ?? f.error).split('\n').join('\n     ')}`));
      });
    }
  };
}
