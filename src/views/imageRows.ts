// The Images view's rows from the shared snapshot: what ImagesView.load() shows, and the first rows
// the door answers before the explorer's code has loaded (door.ts). Its own small chunk.
import { config } from '../config';
import type { EngineSnapshot } from '../docker/snapshot';
import { buildImageTree, type ImageTagRef } from '../model/images';
import type { TreeNode } from '../model/tree';

/** The order rows were built in: the view compares it with the settings when it adopts them. */
export interface ImageRowOrder { sortBy: ReturnType<typeof config.imagesSortBy>; groupBy: ReturnType<typeof config.imagesGroupBy> }

/** The order the settings ask for now. */
export function currentOrder(): ImageRowOrder {
  return { sortBy: config.imagesSortBy(), groupBy: config.imagesGroupBy() };
}

export function isCurrentOrder(order: ImageRowOrder): boolean {
  const now = currentOrder();
  return order.sortBy === now.sortBy && order.groupBy === now.groupBy;
}

export async function imageRows(snapshot: EngineSnapshot, filter: string): Promise<{ rows: TreeNode<ImageTagRef>[]; order: ImageRowOrder }> {
  const [images, containers] = await Promise.all([snapshot.images(), snapshot.containers()]);
  // Read after the await: the order the rows are really built in, if a setting changed meanwhile.
  const order = currentOrder();
  return { rows: buildImageTree(images, containers, { ...order, filter, nowMs: Date.now() }), order };
}
