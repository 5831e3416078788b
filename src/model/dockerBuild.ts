// Pure: the docker CLI command line of "Build Image…" and which builder it uses. BuildKit where the
// CLI can drive it (a CLI with buildx, or a CLI older than 23 that speaks to the engine's built-in
// BuildKit through its session endpoint), else the legacy builder.

export type BuilderChoice = 'auto' | 'buildkit' | 'legacy';

export interface CliFacts {
  /** `docker --version` output, e.g. `Docker version 20.10.24+dfsg1, build 297e128`. */
  versionText: string;
  /** Whether `docker buildx version` answered. */
  hasBuildx: boolean;
}

export interface EngineFacts {
  /** Engine OS ('linux', 'windows'); BuildKit builds Linux images only. */
  os: string;
  /** Podman's compatible API has no BuildKit. */
  podman: boolean;
}

/** The CLI's major version, or undefined when the text does not say. */
export function cliMajor(versionText: string): number | undefined {
  const m = /version\s+v?(\d+)\./i.exec(versionText);
  return m ? Number(m[1]) : undefined;
}

export function useBuildKit(choice: BuilderChoice, cli: CliFacts, engine: EngineFacts): boolean {
  if (choice !== 'auto') return choice === 'buildkit';
  if (engine.podman || engine.os === 'windows') return false;
  if (cli.hasBuildx) return true;
  const major = cliMajor(cli.versionText);
  // Docker 23+ CLIs hand BuildKit builds to buildx: without the plugin they fail.
  return major !== undefined && major >= 18 && major < 23;
}

export interface BuildRequest {
  /** Absolute path of the Dockerfile. */
  dockerfile: string;
  /** Build context folder. */
  context: string;
  tag: string;
  /** Target stage name (or index), '' for the last stage. */
  target?: string;
  buildArgs?: Record<string, string>;
  /** Extra flags from the settings, passed as they are (e.g. `--network none`, `--no-cache`). */
  extraFlags?: string[];
  buildKit: boolean;
}

/** Arguments after `docker` (no shell in between: every value is one argument) and the extra env. */
export function buildCommand(req: BuildRequest): { args: string[]; env: Record<string, string> } {
  const args = ['build', '-f', req.dockerfile, '-t', req.tag];
  if (req.target) args.push('--target', req.target);
  for (const [name, value] of Object.entries(req.buildArgs ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    args.push('--build-arg', `${name}=${value}`);
  }
  args.push(...(req.extraFlags ?? []), req.context);
  return { args, env: { DOCKER_BUILDKIT: req.buildKit ? '1' : '0', DOCKER_CLI_HINTS: 'false' } };
}

/** A tag the CLI accepts: `name[:tag]`, lower-case name components. Returns a problem, or undefined. */
export function tagProblem(tag: string): string | undefined {
  if (!tag.trim()) return 'Give the image a name, e.g. myapp:dev';
  if (/\s/.test(tag)) return 'A tag has no spaces';
  if (!/^(?:[a-z0-9.-]+(?::\d+)?\/)?[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?$/.test(tag)) {
    return 'Use lower-case letters, digits and . _ - in the name, and an optional :tag (e.g. myapp:dev)';
  }
  return undefined;
}

/** `myapp` → `myapp:latest`: the form the engine reports in RepoTags. */
export function normalTag(tag: string): string {
  const lastSlash = tag.lastIndexOf('/');
  return tag.slice(lastSlash + 1).includes(':') ? tag : `${tag}:latest`;
}
