// Finds and reads `.hadolint.yaml` for a Dockerfile (node side: the pure parser is ../config.ts).
// Like hadolint, one file is used, the first found: beside the Dockerfile, at the workspace (or
// project) root, then the user's config folder ($XDG_CONFIG_HOME or ~/.config).
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseConfigText, type PartialLintConfig } from '../config';

export interface LoadedConfig {
  /** The file read, undefined when none was found. */
  file?: string;
  config: PartialLintConfig;
  /** Readable problems (bad YAML, wrong shapes, unreadable file); the config keeps what was valid. */
  errors: string[];
}

const LOCAL_NAMES = ['.hadolint.yaml', '.hadolint.yml'];
const USER_NAMES = ['hadolint.yaml', 'hadolint.yml', '.hadolint.yaml', '.hadolint.yml'];

/** The user's config folder: $XDG_CONFIG_HOME, else ~/.config ('' when there is no home). */
export function userConfigDir(home = os.homedir(), xdgConfigHome = process.env.XDG_CONFIG_HOME): string {
  return xdgConfigHome || (home ? path.join(home, '.config') : '');
}

/** Every path looked at, in order (pure, so the lookup order is testable). */
export function configCandidates(dockerfileDir: string, root?: string, home = os.homedir(), xdgConfigHome = process.env.XDG_CONFIG_HOME): string[] {
  const dirs = [path.resolve(dockerfileDir)];
  if (root && !dirs.includes(path.resolve(root))) dirs.push(path.resolve(root));
  const out = dirs.flatMap((d) => LOCAL_NAMES.map((n) => path.join(d, n)));
  const userDir = userConfigDir(home, xdgConfigHome);
  if (userDir) out.push(...USER_NAMES.map((n) => path.join(userDir, n)));
  return out;
}

/** The configuration for a Dockerfile in `dockerfileDir`; never rejects. */
export async function loadConfigFor(dockerfileDir: string, root?: string, home?: string, xdgConfigHome?: string): Promise<LoadedConfig> {
  const files = configCandidates(dockerfileDir, root, home, xdgConfigHome ?? process.env.XDG_CONFIG_HOME);
  // Every candidate asked at once: one round trip to the disk instead of up to eight in a row (the
  // first lint waits on it). The first in order still wins.
  const reads = await Promise.all(files.map((file) => fs.readFile(file, 'utf8').then(
    (text) => ({ text }), (e: unknown) => ({ code: (e as NodeJS.ErrnoException).code, message: (e as Error).message }))));
  for (const [i, file] of files.entries()) {
    const read = reads[i];
    if (!('text' in read)) {
      if (read.code === 'ENOENT' || read.code === 'ENOTDIR') continue;
      return { file, config: {}, errors: [`${file}: cannot be read (${read.code ?? read.message})`] };
    }
    const parsed = parseConfigText(read.text, file);
    return { file, config: parsed.config, errors: parsed.errors };
  }
  return { config: {}, errors: [] };
}

/** An explicitly named file (`layerscope lint --config FILE`): a missing file is an error. */
export async function loadConfigFile(file: string): Promise<LoadedConfig> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    return { file, config: {}, errors: [`${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`] };
  }
  const parsed = parseConfigText(text, file);
  return { file, config: parsed.config, errors: parsed.errors };
}
