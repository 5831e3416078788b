// The table of commands: every command the manifest declares, and nothing else, has its handler
// here. Each area contributes its own Record from its own file. This module loads with the first
// command run (commands/index.ts registers the manifest's IDs at activation).
import type { CommandTable } from '../ctx';
import { diagnosticsCommands } from '../diagnostics/commands';
import { layerCommands } from './layers';
import { imageCommands } from './images';
import { containerCommands } from './containers';
import { pruneCommands } from './prune';
import { engineCommands } from './engine';
import { containerLayerCommands } from './containerLayer';
import { containerFileCommands } from './containerFiles';
import { linkedImageCommands } from '../linkedImage/commands';
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
