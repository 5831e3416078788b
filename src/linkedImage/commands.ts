// Commands of the Dockerfile ↔ image link (merged into the command table in src/commands/index.ts).
// Light on purpose: each handler loads the glue on first use (`ctx.linkedImage`).
import type { CommandTable, Ctx } from '../ctx';
import type { LinkedImageActions } from './actions';

const lazy = <K extends keyof LinkedImageActions>(name: K) => (ctx: Ctx) =>
  async (...args: Parameters<LinkedImageActions[K]>) => ((await ctx.linkedImage.get()).actions[name] as (...a: unknown[]) => unknown)(...args);

export const linkedImageCommands: CommandTable = {
  'layerscope.buildImage': lazy('build'),
  'layerscope.linkDockerfile': lazy('link'),
  'layerscope.analyzeLinkedImage': lazy('analyze'),
  'layerscope.showInstructionLayer': lazy('showInstructionLayer'),
  'layerscope.goToInstruction': lazy('goToInstruction'),
};
