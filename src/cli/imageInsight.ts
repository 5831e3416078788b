// What `lint --image` and `analyze --dockerfile` share: a deep analysis summarised, its steps taken
// from the image config (exact), and a Dockerfile linked to them.
import { homedir } from 'node:os';
import { analyzeImage, type ImageAnalysis } from '../analysis';
import { createEngine } from '../docker/connect';
import { EngineError } from '../docker/engine';
import { linkDockerfile, stepsOfInsight, summarize, type DockerfileLink, type ImageInsight, type LinkOptions } from '../insight';

export interface LinkedImage {
  analysis: ImageAnalysis;
  insight: ImageInsight;
  link: DockerfileLink;
}

export function linkAnalysis(analysis: ImageAnalysis, dockerfileText: string, opts: LinkOptions): LinkedImage {
  const insight = summarize(analysis);
  return { analysis, insight, link: linkDockerfile(dockerfileText, stepsOfInsight(insight), opts) };
}

/** Deep-analyses IMAGE on the engine. Rejects with a readable message. */
export async function analyzeOnEngine(image: string, signal?: AbortSignal): Promise<ImageAnalysis> {
  const engine = createEngine({ setting: '', env: process.env, homeDir: homedir() });
  try {
    const analysis = await analyzeImage(await engine.saveImages([image], signal), { signal, verifyDiffIds: false });
    analysis.image = image;
    return analysis;
  } catch (err) {
    if (err instanceof EngineError && err.code === 'notFound') throw new Error(`no image '${image}' on the engine (${err.message})`);
    throw err;
  }
}

/** One line for stderr when the image does not come from the file. */
export function notLinkedMessage(image: string, file: string, link: DockerfileLink): string {
  return `${image} does not look built from ${file} (match ${Math.round(link.score * 100)}%): nothing measured is placed on its lines`;
}
