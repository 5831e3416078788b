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

/** Inspect JSON of an image as written in FROM; rejects when the image is missing or the engine unreachable. */
export type InspectImage = (ref: string) => Promise<Record<string, unknown>>;

/**
 * Asks `inspect` about each reference once (answers kept in `memo` across calls) and returns the
 * lookup the linter takes. A missing image or a failed request only means "unknown".
 */
export async function gatherFacts(refs: string[], inspect: InspectImage, memo = new Map<string, Promise<BaseImageFacts | undefined>>()): Promise<BaseImageLookup> {
  const known = new Map<string, BaseImageFacts>();
  await Promise.all(refs.map(async (ref) => {
    let p = memo.get(ref);
    if (!p) {
      p = inspect(ref).then(factsFromInspect, () => undefined);
      memo.set(ref, p);
    }
    const f = await p;
    if (f) known.set(ref, f);
  }));
  return (ref) => known.get(ref);
}

/** `os/arch` from an engine's version answer, when it gives both. */
export function platformOf(v: { os?: string; arch?: string }): string | undefined {
  return v.os && v.arch ? `${v.os}/${v.arch}` : undefined;
}

/** The FROM images whose unknown facts some findings depend on (Finding.baseImage): what to ask an engine. */
export function refsToSettle(findings: { baseImage?: string }[]): string[] {
  return [...new Set(findings.flatMap((f) => (f.baseImage ? [f.baseImage] : [])))];
}
