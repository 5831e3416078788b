// Commands of the Dockerfile ↔ image link (merged into the command table in src/commands/index.ts).
// Light on purpose: each handler loads the glue on first use (onDemand.ts).
import type { CommandTable } from '../commands';
import type { Ctx } from '../ctx';
import type { LinkedImageActions } from './actions';
import { linkedImage } from './onDemand';

const lazy = <K extends keyof LinkedImageActions>(name: K) => (ctx: Ctx) =>
  async (...args: Parameters<LinkedImageActions[K]>) => ((await linkedImage(ctx)).actions[name] as (...a: unknown[]) => unknown)(...args);

export const linkedImageCommands: CommandTable = {
  'layerscope.buildImage': lazy('build'),
  'layerscope.linkDockerfile': lazy('link'),
  'layerscope.analyzeLinkedImage': lazy('analyze'),
  'layerscope.showInstructionLayer': lazy('showInstructionLayer'),
  'layerscope.goToInstruction': lazy('goToInstruction'),
};
