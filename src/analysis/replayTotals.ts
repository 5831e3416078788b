// What the replayed filesystem adds up to once every layer is applied: stored, visible and wasted
// bytes (per layer and per path) and the largest visible files.
import type { Inefficiency, LargeFile } from './types';
import type { PathTrie } from './pathTrie';
import type { Contents, Filesystem } from './replayState';

export interface Totals {
  sizeBytes: number;
  wastedBytes: number;
  /** Wasted bytes per layer. */
  wastedByLayer: number[];
  inefficiencies: Inefficiency[];
}

const byPath = (a: { path: string }, b: { path: string }): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** Wasted content: stored copies no path shows any more, summed per layer and per stored path. */
export function wasteTotals(contents: Contents, layerCount: number, trie: PathTrie): Totals {
  let sizeBytes = 0; let wastedBytes = 0;
  const wastedByLayer = new Array<number>(layerCount).fill(0);
  const perPath = new Map<number, Inefficiency>();
  const { sizes, layers, nodes, refs, length } = contents;
  for (let i = 0; i < length; i++) {
    const size = sizes[i];
    sizeBytes += size;
    if (refs[i] > 0) continue;
    wastedBytes += size;
    wastedByLayer[layers[i]] += size;
    const stat = perPath.get(nodes[i]);
    if (stat) stat.wastedBytes += size; else perPath.set(nodes[i], { path: trie.pathOf(nodes[i]), count: 0, wastedBytes: size });
  }
  // `count` includes the visible copy too: how many layers stored the path.
  for (let i = 0; i < length; i++) {
    const stat = perPath.get(nodes[i]);
    if (stat) stat.count++;
  }
  const inefficiencies = [...perPath.values()].filter((s) => s.wastedBytes > 0).sort((a, b) => b.wastedBytes - a.wastedBytes || byPath(a, b));
  return { sizeBytes, wastedBytes, wastedByLayer, inefficiencies };
}

/** A largest-file candidate: ties are broken by path node while trimming (comparing paths would flatten every rope). */
interface Candidate { node: number; size: number; layer: number }

/** Keeps the `limit` largest files seen, without sorting every file of the image. */
function largest(files: Candidate[], limit: number): Candidate[] {
  return files.sort((a, b) => b.size - a.size || a.node - b.node).slice(0, limit);
}

/**
 * Largest visible files: each content once (a hard link is another name for its target's bytes,
 * listed only when the original path is gone); a bounded candidate list, trimmed whenever it
 * doubles. Also counts the paths of the final filesystem.
 */
export function finalFiles(fs: Filesystem, contents: Contents, trie: PathTrie, limit: number): { largestFiles: LargeFile[]; finalEntryCount: number } {
  let candidates: Candidate[] = [];
  let finalEntryCount = 0;
  const { contents: contentOf, layers: layerOf } = fs;
  const { sizes, nodes: originals } = contents;
  const listed = new Uint8Array(contents.length);
  const walk = (dir: number): void => {
    for (let child = trie.firstChild(dir); child >= 0; child = trie.nextSibling(child)) {
      if (!fs.present(child)) continue;
      finalEntryCount++;
      const content = contentOf[child];
      if (content >= 0 && !listed[content]) {
        const original = originals[content];
        if (original === child || contentOf[original] !== content) {
          listed[content] = 1;
          candidates.push({ node: child, size: sizes[content], layer: layerOf[child] });
          if (candidates.length >= 2 * limit + 64) candidates = largest(candidates, limit);
        }
      }
      if (fs.isDir(child)) walk(child);
    }
  };
  walk(0);
  const largestFiles = largest(candidates, limit)
    .map((c): LargeFile => ({ path: trie.pathOf(c.node), sizeBytes: c.size, layerIndex: c.layer }))
    .sort((a, b) => b.sizeBytes - a.sizeBytes || byPath(a, b));
  return { largestFiles, finalEntryCount };
}
