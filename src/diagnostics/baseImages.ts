// The local engine's facts about FROM images, for the linter's optional base-image input (UndefinedVar
// reads their ENV, InvalidBaseImagePlatform their platform). Each reference is inspected once per
// engine until an image event says the local images changed; a missing image or an unreachable
// engine only means "unknown", and the lint goes on without it. No vscode here: unit-tested.
import type { Engine } from '../docker/engine';
import { BaseImageFacts, baseImageRefs, factsFromInspect } from '../lint/baseImage';
import type { LintOptions } from '../lint';

export class BaseImages {
  private readonly facts = new Map<string, Promise<BaseImageFacts | undefined>>();
  private platform: Promise<string | undefined> | undefined;

  /** `engine()` returns the engine to ask, or undefined while it is unreachable. */
  constructor(private readonly engine: () => Engine | undefined) {}

  /** Local images or the engine changed: ask again next time. */
  forget(): void {
    this.facts.clear();
    this.platform = undefined;
  }

  /** The linter options that carry what the engine knows about the FROM images of `text`. */
  async optionsFor(text: string): Promise<Pick<LintOptions, 'baseImage' | 'buildPlatform'>> {
    const engine = this.engine();
    if (!engine) return {};
    const refs = safeRefs(text);
    const known = new Map<string, BaseImageFacts>();
    await Promise.all(refs.map(async (ref) => {
      let p = this.facts.get(ref);
      if (!p) {
        p = engine.inspectImage(ref).then(factsFromInspect, () => undefined);
        this.facts.set(ref, p);
      }
      const f = await p;
      if (f) known.set(ref, f);
    }));
    this.platform ??= engine.version().then((v) => (v.os && v.arch ? `${v.os}/${v.arch}` : undefined), () => undefined);
    const buildPlatform = await this.platform;
    return { baseImage: (ref) => known.get(ref), buildPlatform };
  }
}

function safeRefs(text: string): string[] {
  try { return baseImageRefs(text); } catch { return []; }
}
