// The folder shared with the launcher (LAYERSCOPE_IT_CHANNEL): output.log, results.json, ui/ requests.
import * as path from 'path';

export function channelDir(): string | undefined {
  return process.env.LAYERSCOPE_IT_CHANNEL || undefined;
}

export function channelFile(name: string): string | undefined {
  const dir = channelDir();
  return dir ? path.join(dir, name) : undefined;
}
