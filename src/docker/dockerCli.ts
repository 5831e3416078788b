// Where the docker CLI is, for what runs in a terminal (Open Shell, Run interactively, Build Image…).
// Engine data never comes from it: that goes through the Engine port.
import { accessSync, constants } from 'node:fs';
import * as path from 'node:path';

/** The docker CLI on PATH, if any (Open Shell needs it for an interactive TTY). */
export function findDockerCli(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const names = process.platform === 'win32' ? ['docker.exe'] : ['docker'];
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of names) {
      const candidate = path.join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch { /* next */ }
    }
  }
  return undefined;
}
