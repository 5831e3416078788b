// Registers every command the manifest declares at activation, cheaply: the handlers (the command
// table and every area it imports) load with the first command run, not with the extension.
import * as vscode from 'vscode';
import type { CommandHandler, CommandTable, Ctx } from '../ctx';
import { errorText } from '../model/errorText';
import { OnFirstUse } from '../onFirstUse';

/** The command table, loaded on first use; the integration tests compare it with the manifest. */
export function commandTableOnFirstUse(): OnFirstUse<CommandTable> {
  return new OnFirstUse(async () => (await import('./table')).commandTable);
}

export function registerCommands(ctx: Ctx, table: OnFirstUse<CommandTable>): void {
  const declared: { command: string }[] = ctx.extension.extension.packageJSON.contributes?.commands ?? [];
  for (const { command: id } of declared) {
    let handler: CommandHandler | undefined;
    ctx.push(vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        if (!handler) {
          const factory = (await table.get())[id];
          if (!factory) throw new Error(`${id} is declared in the manifest but has no handler.`);
          handler = factory(ctx);
        }
        return await handler(...args);
      } catch (err) {
        const message = errorText(err);
        ctx.log.error(`${id}: ${message}`);
        ctx.prompter.error(message);
      }
    }));
  }
}
