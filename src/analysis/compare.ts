// Two analysed images side by side: which layers they share and how their final files differ.
import type { ImageAnalysis, ImageComparison, TreeNode } from './types';
import { finalTree, flattenTree } from './tree';

function nonDirSizes(analysis: ImageAnalysis): Map<string, number> {
  const sizes = new Map<string, number>();
  if (analysis.layers.length === 0) return sizes;
  for (const node of flattenTree(finalTree(analysis)) as TreeNode[]) {
    if (node.kind !== 'dir') sizes.set(node.path, node.size);
  }
  return sizes;
}

const byPath = (a: { path: string }, b: { path: string }): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/**
 * Shared layers are matched by diff ID (a layer appearing twice in one image is matched once per
 * occurrence, in order). File differences compare the final filesystems' non-directory paths:
 * added = only in B, removed = only in A, changed = in both with a different apparent size.
 */
export function compareImages(a: ImageAnalysis, b: ImageAnalysis): ImageComparison {
  const positionsInB = new Map<string, number[]>();
  b.layers.forEach((layer) => {
    const list = positionsInB.get(layer.digest) ?? [];
    list.push(layer.index);
    positionsInB.set(layer.digest, list);
  });
  const matchedB = new Set<number>();
  const sharedLayers: ImageComparison['sharedLayers'] = [];
  const onlyInA: ImageComparison['onlyInA'] = [];
  for (const layer of a.layers) {
    const indexB = positionsInB.get(layer.digest)?.find((i) => !matchedB.has(i));
    if (indexB === undefined) {
      onlyInA.push({ digest: layer.digest, index: layer.index, sizeBytes: layer.sizeBytes });
    } else {
      matchedB.add(indexB);
      sharedLayers.push({ digest: layer.digest, indexA: layer.index, indexB, sizeBytes: layer.sizeBytes });
    }
  }
  const onlyInB = b.layers
    .filter((layer) => !matchedB.has(layer.index))
    .map((layer) => ({ digest: layer.digest, index: layer.index, sizeBytes: layer.sizeBytes }));
  let commonBaseLayers = 0;
  while (commonBaseLayers < a.layers.length && commonBaseLayers < b.layers.length
    && a.layers[commonBaseLayers].digest === b.layers[commonBaseLayers].digest) commonBaseLayers++;

  const filesA = nonDirSizes(a);
  const filesB = nonDirSizes(b);
  const filesAdded: ImageComparison['filesAdded'] = [];
  const filesRemoved: ImageComparison['filesRemoved'] = [];
  const filesChanged: ImageComparison['filesChanged'] = [];
  for (const [path, sizeBytes] of filesB) if (!filesA.has(path)) filesAdded.push({ path, sizeBytes });
  for (const [path, sizeBytesA] of filesA) {
    const sizeBytesB = filesB.get(path);
    if (sizeBytesB === undefined) filesRemoved.push({ path, sizeBytes: sizeBytesA });
    else if (sizeBytesB !== sizeBytesA) filesChanged.push({ path, sizeBytesA, sizeBytesB });
  }
  return {
    sharedLayers, commonBaseLayers, onlyInA, onlyInB,
    filesAdded: filesAdded.sort(byPath), filesRemoved: filesRemoved.sort(byPath), filesChanged: filesChanged.sort(byPath),
  };
}
