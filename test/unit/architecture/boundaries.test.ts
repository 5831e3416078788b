// The import boundaries of ARCHITECTURE.md are checked by ESLint (eslint.config.mjs): this shows
// the check fails on deliberately bad imports, and lets the imports each room may use through.
import * as assert from 'assert';
import * as path from 'path';
import { ESLint } from 'eslint';

const repo = path.resolve(__dirname, '../../..');

describe('import boundaries (eslint.config.mjs)', function () {
  this.timeout(120_000);
  const eslint = new ESLint({ cwd: repo });

  /** The boundary findings for `code` as if it were the file `file`. */
  async function findings(file: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath: path.join(repo, file) });
    return result.messages
      .filter((m) => m.ruleId === 'layerscope/layers' || m.ruleId === '@typescript-eslint/no-restricted-imports' || m.fatal)
      .map((m) => `${m.ruleId}: ${m.message}`);
  }

  const bad: [string, string][] = [
    ['src/model/bad.ts', "import * as vscode from 'vscode';\nexport const x = vscode;\n"],
    ['src/analysis/bad.ts', "import Docker from 'dockerode';\nexport const x = Docker;\n"],
    ['src/insight/bad.ts', "import { registerViews } from '../views';\nexport const x = registerViews;\n"],
    ['src/lint/rules/bad.ts', "import { config } from '../../config';\nexport const x = config;\n"],
    ['src/lint/bad.ts', "import type { Ctx } from '../ctx';\nexport type X = Ctx;\n"],
    ['src/analysis/bad.ts', "import type { Engine } from '../docker/engine';\nexport type X = Engine;\n"],
    ['src/model/bad.ts', "export async function f() { return import('../commands/images'); }\n"],
    ['src/docker/bad.ts', "import { log } from '../log';\nexport const x = log;\n"],
    ['src/docker/bad.ts', "import * as vscode from 'vscode';\nexport const x = vscode;\n"],
    // Inside the core: model is the lowest room; analysis and lint import only model.
    ['src/model/bad.ts', "import type { ImageAnalysis } from '../analysis';\nexport type X = ImageAnalysis;\n"],
    ['src/analysis/bad.ts', "import { rules } from '../lint/registry';\nexport const x = rules;\n"],
    ['src/lint/bad.ts', "import { analyzeImage } from '../analysis';\nexport const x = analyzeImage;\n"],
    // Inside the glue: arrows point down from the commands.
    ['src/views/bad.ts', "import { commandTable } from '../commands';\nexport const x = commandTable;\n"],
    ['src/diagnostics/bad.ts', "import type { LogFollow } from '../commands/logFollows';\nexport type X = LogFollow;\n"],
    ['src/webview/bad.ts', "export async function f() { return import('../linkedImage'); }\n"],
    ['src/views/bad.ts', "import { isLintable } from '../diagnostics/documents';\nexport const x = isLintable;\n"],
    ['src/prompt.ts', "import type { Explorer } from './views';\nexport type X = Explorer;\n"],
  ];
  for (const [file, code] of bad) {
    it(`fails ${file}: ${code.split('\n')[0]}`, async () => {
      const found = await findings(file, code);
      assert.strictEqual(found.length, 1, `expected one boundary finding, got ${JSON.stringify(found)}`);
      assert.ok(!found[0].startsWith('null'), found[0]);
    });
  }

  const good: [string, string][] = [
    // src/lint/config.ts is the lint core's own config, not the glue's src/config.ts.
    ['src/lint/rules/good.ts', "import { fromObject } from '../config';\nexport const x = fromObject;\n"],
    ['src/docker/good.ts', "import type { ImageSummary } from '../model/types';\nexport type X = ImageSummary;\n"],
    ['src/views/good.ts', "import * as vscode from 'vscode';\nimport { formatBytes } from '../model/format';\nexport const x = [vscode, formatBytes];\n"],
    ['src/analysis/good.ts', "import { formatBytes } from '../model/format';\nexport const x = formatBytes;\n"],
    ['src/insight/good.ts', "import { analyzeImage } from '../analysis';\nimport { rules } from '../lint/registry';\nexport const x = [analyzeImage, rules];\n"],
    ['src/commands/good.ts', "import type { Explorer } from '../views';\nimport { openInspect } from '../inspect';\nexport const x: [Explorer?, unknown?] = [undefined, openInspect];\n"],
    ['src/linkedImage/good.ts', "import { isLintable } from '../diagnostics/documents';\nexport const x = isLintable;\n"],
    ['src/ctx.ts', "import type { Explorer } from './views';\nexport type X = Explorer;\n"],
    ['src/views/good.ts', "import type { Ctx } from '../ctx';\nimport { abortSignalOf } from '../cancellation';\nexport const x: [Ctx?, unknown?] = [undefined, abortSignalOf];\n"],
  ];
  for (const [file, code] of good) {
    it(`lets ${file} through: ${code.split('\n')[0]}`, async () => {
      assert.deepStrictEqual(await findings(file, code), []);
    });
  }
});
