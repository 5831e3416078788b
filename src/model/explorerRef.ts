// What a row of the explorer refers to: commands narrow it by `kind` instead of casting.
import type { ContainerChildRef } from './containerNodes';
import type { ContainerRef } from './containers';
import type { DanglingRef } from './dangling';
import type { DiskUsageRef } from './diskUsage';
import type { ImageTagRef } from './images';
import type { NetworkMemberRef, NetworkRef } from './networks';
import type { TreeNode } from './tree';
import type { VolumeRef, VolumeUserRef } from './volumes';

export type ExplorerRef = ImageTagRef | DanglingRef | ContainerRef | ContainerChildRef | DiskUsageRef
  | VolumeRef | VolumeUserRef | NetworkRef | NetworkMemberRef;

/** A row of one of the explorer's views. */
export type ExplorerNode = TreeNode<ExplorerRef>;

/**
 * A command's argument as one of our rows: a context menu passes the row (the palette passes
 * nothing, some callers an ID string). The one place an argument becomes a row.
 */
export function nodeOfArg(arg: unknown): ExplorerNode | undefined {
  return arg !== null && typeof arg === 'object' && 'item' in arg ? arg as ExplorerNode : undefined;
}

/** The model object behind a command's argument, when it is one of our rows. */
export function refOfArg(arg: unknown): ExplorerRef | undefined {
  return nodeOfArg(arg)?.ref;
}

const containerKinds = new Set<string>(['container', 'containerLayer', 'containerChange', 'containerPath', 'containerNote']);

/** A row of the Containers view: a container or one of the rows under it. */
export function isContainerRow(node: ExplorerNode): node is TreeNode<ContainerRef | ContainerChildRef> {
  return node.ref !== undefined && containerKinds.has(node.ref.kind);
}
