// The table of commands: every command the manifest declares, and nothing else, is registered
// here in one loop. Each area contributes its own Record from its own file.
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { diagnosticsCommands } from '../diagnostics/commands';
import { layerCommands } from './layers';
import { imageCommands } from './images';
import { containerCommands } from './containers';
import { pruneCommands } from './prune';
import { engineCommands } from './engine';
import { containerLayerCommands } from './containerLayer';
import { containerFileCommands } from './containerFiles';
import { linkedImageCommands } from '../linkedImage/commands';
import { prompter } from './prompt';
import { runCommands } from './run';
import { volumeCommands } from './volumes';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each handler declares the arguments its menus pass
export type CommandHandler = (...args: any[]) => unknown;
export type CommandTable = Record<string, (ctx: Ctx) => CommandHandler>;

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
        const message = err instanceof Error ? err.message : String(err);
        ctx.log.error(`${id}: ${message}`);
        prompter(ctx).error(message);
      }
    }));
  }
}
