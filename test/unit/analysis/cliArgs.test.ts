// `layerscope analyze` argument parsing (the command's behaviour end to end is in test/engine).
import * as assert from 'node:assert/strict';
import { parseAnalyzeArgs } from '../../../src/cli/analyze';

const noFile = (): undefined => undefined;

describe('layerscope analyze: arguments', () => {
  it('defaults to the engine source, the table and no CI rules', () => {
    assert.deepEqual(parseAnalyzeArgs(['app:1']), { image: 'app:1', source: 'engine', json: false, ci: false, verify: false, rules: {} });
  });

  it('--ci alone applies dive\'s default rules; a rule flag implies --ci and keeps the other defaults (as dive does)', () => {
    assert.deepEqual((parseAnalyzeArgs(['--ci', 'x'], noFile) as { rules: unknown }).rules, { lowestEfficiency: 0.9, highestUserWastedPercent: 0.1 });
    const parsed = parseAnalyzeArgs(['x', '--highest-wasted-bytes=20MB', '--lowest-efficiency', '0.5'], noFile);
    assert.deepEqual(parsed, {
      image: 'x', source: 'engine', json: false, ci: true, verify: false,
      rules: { lowestEfficiency: 0.5, highestWastedBytes: 20e6, highestUserWastedPercent: 0.1 },
    });
    assert.equal((parseAnalyzeArgs(['x', '--highest-wasted-bytes', '1.5GiB'], noFile) as { rules: { highestWastedBytes: number } }).rules.highestWastedBytes, 1.5 * 2 ** 30);
    assert.deepEqual((parseAnalyzeArgs(['x', '--highest-user-wasted-percent', 'disabled'], noFile) as { rules: unknown }).rules, { lowestEfficiency: 0.9 });
  });

  it('reads .dive-ci (dive\'s format) under --ci: the file overrides the defaults, flags override the file, disabled drops a rule', () => {
    const files: Record<string, string> = {
      '.dive-ci': 'rules:\n  lowestEfficiency: 0.95\n  highestWastedBytes: 20MB\n  highestUserWastedPercent: disabled\n',
      'strict.yaml': 'rules:\n  highestWastedBytes: "1KB"\n',
      'typo.yaml': 'rules:\n  lowestEficiency: 0.5\n',
    };
    const read = (p: string): string | undefined => files[p];
    const rules = (argv: string[]) => (parseAnalyzeArgs(argv, read) as { rules: unknown }).rules;
    assert.deepEqual(rules(['--ci', 'x']), { lowestEfficiency: 0.95, highestWastedBytes: 20e6 });
    assert.deepEqual(rules(['x', '--lowest-efficiency', '0.5']), { lowestEfficiency: 0.5, highestWastedBytes: 20e6 });
    assert.deepEqual(rules(['x', '--ci-config', 'strict.yaml']), { lowestEfficiency: 0.9, highestWastedBytes: 1000, highestUserWastedPercent: 0.1 });
    assert.deepEqual((parseAnalyzeArgs(['x'], read) as { rules: unknown }).rules, {}, 'no --ci: no rules, the file is not read');
    assert.throws(() => parseAnalyzeArgs(['x', '--ci-config', 'typo.yaml'], read), /typo\.yaml: unknown rule 'lowestEficiency'/);
    assert.throws(() => parseAnalyzeArgs(['x', '--ci-config', 'missing.yaml'], read), /missing\.yaml does not exist/);
  });

  it('reads --platform, --max-entries and --max-name-bytes', () => {
    const parsed = parseAnalyzeArgs(['x', '--platform', 'linux/arm64', '--max-entries', '10000000', '--max-name-bytes=1000'], noFile);
    assert.deepEqual(parsed, {
      image: 'x', source: 'engine', json: false, ci: false, verify: false, rules: {}, platform: 'linux/arm64', limits: { maxEntries: 1e7, maxNameBytes: 1000 },
    });
    assert.throws(() => parseAnalyzeArgs(['x', '--max-entries', 'lots'], noFile), /--max-entries needs a whole number above 0/);
  });

  it('reads --source archive, --json, --verify and a - for standard input', () => {
    assert.deepEqual(parseAnalyzeArgs(['--source', 'archive', '--json', '--verify', '-']),
      { image: '-', source: 'archive', json: true, ci: false, verify: true, rules: {} });
    assert.equal(parseAnalyzeArgs(['--help']), 'help');
  });

  for (const [args, message] of [
    [[], /which image/],
    [['a', 'b'], /one image at a time, got 2/],
    [['--source', 'registry', 'x'], /--source is engine or archive/],
    [['--lowest-efficiency', '1.5', 'x'], /ratio between 0 and 1 \(or disabled\), got '1.5'/],
    [['--highest-user-wasted-percent', 'ten', 'x'], /ratio between 0 and 1/],
    [['--highest-wasted-bytes', 'lots', 'x'], /--highest-wasted-bytes: Not a size: 'lots'/],
    [['--lowest-efficiency'], /--lowest-efficiency needs a value/],
    [['--frobnicate', 'x'], /unknown option '--frobnicate'/],
  ] as [string[], RegExp][]) {
    it(`rejects ${JSON.stringify(args)}`, () => {
      assert.throws(() => parseAnalyzeArgs(args), message);
    });
  }
});
