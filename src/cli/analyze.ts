// Placeholder until the analyze command lands; replaced by its owner.
export async function runAnalyzeCli(_argv: string[]): Promise<number> {
  process.stderr.write('layerscope analyze: not available yet\n');
  return 2;
}
