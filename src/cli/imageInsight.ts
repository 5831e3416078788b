// What `lint --image` and `analyze --dockerfile` share: a deep analysis summarised, its steps taken
// from the image config (exact), and a Dockerfile linked to them.
import { analyzeImage, type ImageAnalysis } from '../analysis';
import { missingImageText, saveStream } from './engineAccess';
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
  try {
    const analysis = await analyzeImage(await saveStream(image, signal), { signal, verifyDiffIds: false });
    analysis.image = image;
    return analysis;
  } catch (err) {
    const missing = missingImageText(err, image);
    throw missing !== undefined ? new Error(missing) : err;
  }
}

/** One line for stderr when the image does not come from the file. */
export function notLinkedMessage(image: string, file: string, link: DockerfileLink): string {
  return `${image} does not look built from ${file} (match ${Math.round(link.score * 100)}%): nothing measured is placed on its lines`;
}
