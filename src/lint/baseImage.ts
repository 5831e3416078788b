// What the local engine knows about a FROM image (its ENV and platform), handed to the pure linter by
// the glue or the CLI when an engine is reachable. Optional: without it the rules that would use it
// hedge (UndefinedVar) or stay silent (InvalidBaseImagePlatform).
import { LintDocument } from './document';
import { hasVariable } from './ruleKit';

export interface BaseImageFacts {
  /** `NAME=value` entries of the image's Config.Env. */
  env: string[];
  /** `linux/amd64`, `linux/arm/v7`: the image's own platform. */
  platform?: string;
}

/** Facts for an image reference as written in FROM; undefined when the engine does not have it. */
export type BaseImageLookup = (ref: string) => BaseImageFacts | undefined;

/** The literal image references of a Dockerfile's FROM lines (not stages, not scratch): what to look up. */
export function baseImageRefs(text: string): string[] {
  const doc = new LintDocument(text);
  const refs = new Set<string>();
  for (const s of doc.stages) {
    if (s.implicit || !s.image || hasVariable(s.image) || s.image.toLowerCase() === 'scratch') continue;
    if (doc.stageByRef(s.image, s.index)) continue;
    refs.add(s.image);
  }
  return [...refs];
}

/** Reads the facts out of an image inspect JSON (`Config.Env`, `Os`, `Architecture`, `Variant`). */
export function factsFromInspect(raw: Record<string, unknown>): BaseImageFacts {
  const config = (raw.Config ?? {}) as { Env?: unknown };
  const env = Array.isArray(config.Env) ? config.Env.filter((e): e is string => typeof e === 'string') : [];
  const os = typeof raw.Os === 'string' ? raw.Os : undefined;
  const arch = typeof raw.Architecture === 'string' ? raw.Architecture : undefined;
  const variant = typeof raw.Variant === 'string' && raw.Variant ? `/${raw.Variant}` : '';
  return { env, platform: os && arch ? `${os}/${arch}${variant}` : undefined };
}

/** Names an image's ENV defines. */
export function envNames(facts: BaseImageFacts): Set<string> {
  return new Set(facts.env.map((e) => e.split('=')[0]));
}
