// `layerscope analyze` argument parsing (the command's behaviour end to end is in test/engine).
import * as assert from 'node:assert/strict';
import { parseAnalyzeArgs } from '../../../src/cli/analyze';

describe('layerscope analyze: arguments', () => {
  it('defaults to the engine source, the table and no CI rules', () => {
    assert.deepEqual(parseAnalyzeArgs(['app:1']), { image: 'app:1', source: 'engine', json: false, markdown: false, buildArgs: {}, ci: false, verify: false, rules: {} });
  });

  it('--ci alone applies the default rules; any rule implies --ci and replaces the defaults', () => {
    assert.deepEqual((parseAnalyzeArgs(['--ci', 'x']) as { rules: unknown }).rules, { lowestEfficiency: 0.9, highestUserWastedPercent: 0.1 });
    const parsed = parseAnalyzeArgs(['x', '--highest-wasted-bytes=20MB', '--lowest-efficiency', '0.5']);
    assert.deepEqual(parsed, { image: 'x', source: 'engine', json: false, markdown: false, buildArgs: {}, ci: true, verify: false, rules: { highestWastedBytes: 20e6, lowestEfficiency: 0.5 } });
    assert.equal((parseAnalyzeArgs(['x', '--highest-wasted-bytes', '1.5GiB']) as { rules: { highestWastedBytes: number } }).rules.highestWastedBytes, 1.5 * 2 ** 30);
  });

  it('reads --source archive, --json, --verify and a - for standard input', () => {
    assert.deepEqual(parseAnalyzeArgs(['--source', 'archive', '--json', '--verify', '-']),
      { image: '-', source: 'archive', json: true, markdown: false, buildArgs: {}, ci: false, verify: true, rules: {} });
    assert.equal(parseAnalyzeArgs(['--help']), 'help');
  });

  it('reads --dockerfile with --target, --build-arg and --format markdown', () => {
    assert.deepEqual(parseAnalyzeArgs(['app:1', '--dockerfile', 'Dockerfile', '--target=final', '--build-arg', 'A=1', '--build-arg', 'B=x=y', '--format', 'markdown']),
      { image: 'app:1', source: 'engine', json: false, markdown: true, buildArgs: { A: '1', B: 'x=y' }, ci: false, verify: false, rules: {}, dockerfile: 'Dockerfile', target: 'final' });
    assert.equal((parseAnalyzeArgs(['app:1', '--format', 'json']) as { json: boolean }).json, true);
  });

  for (const [args, message] of [
    [[], /which image/],
    [['a', 'b'], /one image at a time, got 2/],
    [['--source', 'registry', 'x'], /--source is engine or archive/],
    [['--lowest-efficiency', '1.5', 'x'], /ratio between 0 and 1, got '1.5'/],
    [['--highest-user-wasted-percent', 'ten', 'x'], /ratio between 0 and 1/],
    [['--highest-wasted-bytes', 'lots', 'x'], /--highest-wasted-bytes: Not a size: 'lots'/],
    [['--lowest-efficiency'], /--lowest-efficiency needs a value/],
    [['--frobnicate', 'x'], /unknown option '--frobnicate'/],
    [['--target', 'a', 'x'], /--target and --build-arg go with --dockerfile/],
    [['--dockerfile', 'D', '--build-arg', 'novalue', 'x'], /--build-arg needs NAME=VALUE/],
    [['--format', 'html', 'x'], /--format is text, json or markdown/],
    [['--json', '--format', 'markdown', 'x'], /pick one/],
  ] as [string[], RegExp][]) {
    it(`rejects ${JSON.stringify(args)}`, () => {
      assert.throws(() => parseAnalyzeArgs(args), message);
    });
  }
});
