// The local engine's facts about FROM images, for the linter's optional base-image input (UndefinedVar
// reads their ENV, InvalidBaseImagePlatform their platform). Each reference is inspected once per
// engine until an image event says the local images changed; a missing image or an unreachable
// engine only means "unknown", and the lint goes on without it. No vscode here: unit-tested.
import type { Engine } from '../docker/engine';
import { BaseImageFacts, baseImageRefs, gatherFacts, platformOf } from '../lint/baseImage';
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
    const baseImage = await gatherFacts(safeRefs(text), (ref) => engine.inspectImage(ref), this.facts);
    this.platform ??= engine.version().then(platformOf, () => undefined);
    return { baseImage, buildPlatform: await this.platform };
  }
}

function safeRefs(text: string): string[] {
  try { return baseImageRefs(text); } catch { return []; }
}
