// Placeholder until the lint command lands; replaced by its owner.
export async function runLintCli(_argv: string[]): Promise<number> {
  process.stderr.write('layerscope lint: not available yet\n');
  return 2;
}
