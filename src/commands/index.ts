// The table of commands: every command the manifest declares, and nothing else, is registered
// here in one loop. Each area contributes its own Record from its own file.
import * as vscode from 'vscode';
import type { CommandTable, Ctx } from '../ctx';
import { diagnosticsCommands } from '../diagnostics/commands';
import { layerCommands } from './layers';
import { imageCommands } from './images';
import { containerCommands } from './containers';
import { pruneCommands } from './prune';
import { engineCommands } from './engine';
import { containerLayerCommands } from './containerLayer';
import { containerFileCommands } from './containerFiles';
import { linkedImageCommands } from '../linkedImage/commands';
import { errorText } from '../model/errorText';
import { runCommands } from './run';
import { volumeCommands } from './volumes';


const coreCommands: CommandTable = {
  'layerscope.refresh': (ctx) => () => ctx.refreshAll(),
};

/** Every area's commands, merged. Add an area's table here. */
export const commandTable: CommandTable = {
  ...coreCommands,
  ...diagnosticsCommands,
  ...layerCommands,
  ...imageCommands,
  ...containerCommands,
  ...pruneCommands,
  ...engineCommands,
  ...containerLayerCommands,
  ...containerFileCommands,
  ...linkedImageCommands,
  ...volumeCommands,
  ...runCommands,
};

export function registerCommands(ctx: Ctx): void {
  for (const [id, factory] of Object.entries(commandTable)) {
    const handler = factory(ctx);
    ctx.push(vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await handler(...args);
      } catch (err) {
        const message = errorText(err);
        ctx.log.error(`${id}: ${message}`);
        ctx.prompter.error(message);
      }
    }));
  }
}
