// Commands of the diagnostics area (merged into the command table in src/commands/index.ts).
import type { CommandTable } from '../ctx';
import { RuleDocs } from './ruleDocs';

export const diagnosticsCommands: CommandTable = {
  /** Opens docs/rules/<CODE>.md in the Markdown preview; the diagnostics' code links point here. */
  'layerscope.showRuleDoc': (ctx) => {
    const docs = new RuleDocs(ctx.extension.extensionUri);
    return (code?: unknown) => docs.show(typeof code === 'string' ? code : undefined, (items, placeHolder) => ctx.prompter.pick(items, placeHolder));
  },
};
