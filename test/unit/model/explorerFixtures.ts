// Small builders for the explorer's pure-model tests.
import type { ContainerSummary, DiskUsage, ImageSummary } from '../../../src/model/types';

export function image(id: string, over: Partial<ImageSummary> = {}): ImageSummary {
  return { id: `sha256:${id.padEnd(64, '0')}`, repoTags: [], repoDigests: [], parentId: '', created: 1_000, size: 1_000, labels: {}, ...over };
}

export function sha(id: string): string {
  return `sha256:${id.padEnd(64, '0')}`;
}

export function container(id: string, over: Partial<ContainerSummary> = {}): ContainerSummary {
  return {
    id: id.padEnd(64, '0'), names: [id], image: 'app:1', imageId: sha('app'), command: 'sh', created: 1_000,
    state: 'exited', status: 'Exited (0) 1 minute ago', ports: [], labels: {}, ...over,
  };
}

export function df(over: Partial<DiskUsage> = {}): DiskUsage {
  return { layersSize: 0, images: [], containers: [], volumes: [], buildCache: [], ...over };
}
