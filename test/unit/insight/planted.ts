// A small image with every measured problem planted, analysed from an in-memory archive, and the
// Dockerfile it "came from" (BuildKit history forms), for the summary/findings/savings tests.
import { analyzeImage, type ImageAnalysis } from '../../../src/analysis';
import { linkDockerfile } from '../../../src/insight/link';
import type { DockerfileLink } from '../../../src/insight/types';
import { buildImageArchive, chunked, dir, file, whiteout } from '../analysis/imageArchive';
import { stepsOf } from './helpers';

export const plantedDockerfile = [
  'FROM scratch',
  'COPY . /srv/',
  'RUN apt-get update && apt-get install -y curl',
  'RUN dd if=/dev/zero of=/tmp/big bs=1000 count=3000',
  'RUN rm /tmp/big',
  'ENV A=1',
  '',
].join('\n');

export async function plantedImage(): Promise<{ analysis: ImageAnalysis; link: DockerfileLink }> {
  const history = [
    { created_by: 'COPY . /srv/ # buildkit' },
    { created_by: 'RUN /bin/sh -c apt-get update && apt-get install -y curl # buildkit' },
    { created_by: 'RUN /bin/sh -c dd if=/dev/zero of=/tmp/big bs=1000 count=3000 # buildkit' },
    { created_by: 'RUN /bin/sh -c rm /tmp/big # buildkit' },
    { created_by: 'ENV A=1', empty_layer: true },
  ];
  const built = await buildImageArchive({
    history,
    layers: [
      { entries: [dir('srv'), file('srv/app.js', 100), dir('srv/.git'), file('srv/.git/HEAD', 21), file('srv/.git/objects/x', 5000),
        file('srv/node_modules/a/index.js', 300), file('srv/.env', 30), file('srv/config/deploy-key.pem', 1700)] },
      { entries: [file('var/lib/apt/lists/deb_Packages', 40_000), file('var/lib/apt/lists/lock', 0),
        file('var/cache/apt/archives/curl.deb', 120_000), file('usr/bin/curl', 200_000), file('root/.cache/pip/wheels/x.whl', 5000)] },
      { entries: [dir('tmp'), file('tmp/big', 3_000_000)] },
      { entries: [whiteout('tmp/big')] },
    ],
  });
  const analysis = await analyzeImage(chunked(built.archive, 64 * 1024));
  const sizes = analysis.layers.map((l) => l.sizeBytes);
  const steps = stepsOf(history.map((h, i) => [h.created_by, i < 4 ? sizes[i] : 0]).reverse() as [string, number][],
    history.map((h) => h.empty_layer === true));
  return { analysis, link: linkDockerfile(plantedDockerfile, steps) };
}
