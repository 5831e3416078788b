// The Images view's rows from the shared snapshot: what ImagesView.load() shows, and the first rows
// the door answers before the explorer's code has loaded (door.ts). Its own small chunk.
import { config } from '../config';
import type { EngineSnapshot } from '../docker/snapshot';
import { buildImageTree, type ImageTagRef } from '../model/images';
import type { TreeNode } from '../model/tree';

export async function imageRows(snapshot: EngineSnapshot, filter: string): Promise<TreeNode<ImageTagRef>[]> {
  const [images, containers] = await Promise.all([snapshot.images(), snapshot.containers()]);
  return buildImageTree(images, containers, {
    groupBy: config.imagesGroupBy(), sortBy: config.imagesSortBy(), filter, nowMs: Date.now(),
  });
}
