// Filesystem views rebuilt from the per-layer change lists: cheap (linear in the changes of the
// layers involved), pure and browser-safe, so the webview can switch layers without re-reading the image.
import type { FileChange, ImageAnalysis, TreeNode } from './types';

/**
 * Stored file content shared by a file and its hard links: its bytes are counted once, at `holder`
 * (the original path while it shows this content, else the first surviving link).
 */
interface Content { size: number; owner: Work; holder?: Work }

/** A TreeNode under construction: children by name, and whether the path existed in the base. */
interface Work extends Omit<TreeNode, 'children'> {
  /** Existed in the base filesystem of the comparison. */
  inBase: boolean;
  children?: Map<string, Work>;
  /** Files and hard links: the content they show. */
  content?: Content;
}

function newRoot(): Work {
  return { name: '', path: '', kind: 'dir', size: 0, mode: 0o755, uid: 0, gid: 0, layerIndex: -1, inBase: true, children: new Map() };
}

class Builder {
  readonly root = newRoot();
  marking = false;

  private parentOf(path: string, create: boolean): Work | undefined {
    const parts = path.split('/');
    parts.pop();
    let node = this.root;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      let next = node.children?.get(part);
      if (!next || !next.children) {
        if (!create) return undefined;
        // The change lists always carry parents before children; this only guards odd input.
        const prefix = parts.slice(0, i + 1).join('/');
        next = { name: part, path: prefix, kind: 'dir', size: 0, mode: 0o755, uid: 0, gid: 0, layerIndex: -1, inBase: !this.marking, children: new Map() };
        if (this.marking) next.change = 'added';
        node.children!.set(part, next);
      }
      node = next;
    }
    return node;
  }

  /** The node at `path` now, if any. */
  private find(path: string): Work | undefined {
    const parent = this.parentOf(path, false);
    return parent?.children?.get(path.slice(path.lastIndexOf('/') + 1));
  }

  private markRemoved(node: Work, parent: Map<string, Work>, layerIndex: number): void {
    if (!node.inBase) { parent.delete(node.name); return; }
    node.change = 'removed';
    node.layerIndex = layerIndex;
    if (node.children) for (const child of [...node.children.values()]) this.markRemoved(child, node.children, layerIndex);
  }

  apply(change: FileChange, layerIndex: number): void {
    const name = change.path.slice(change.path.lastIndexOf('/') + 1);
    if (change.change === 'removed') {
      const parent = this.parentOf(change.path, false);
      const node = parent?.children?.get(name);
      if (!parent || !node || node.change === 'removed') return;
      if (this.marking) this.markRemoved(node, parent.children!, layerIndex);
      else parent.children!.delete(name);
      return;
    }
    const parent = this.parentOf(change.path, true)!;
    const existing = parent.children!.get(name);
    // A hard link stores nothing: its bytes are its target's, counted there once.
    const size = change.kind === 'hardlink' ? 0 : change.size;
    const node: Work = {
      name, path: change.path, kind: change.kind, size, mode: change.mode, uid: change.uid, gid: change.gid,
      layerIndex, inBase: !this.marking || (existing?.inBase ?? false),
      ...(change.linkTarget !== undefined ? { linkTarget: change.linkTarget } : {}),
    };
    if (this.marking) node.change = node.inBase ? 'modified' : 'added';
    if (change.kind === 'file') node.content = { size: change.size, owner: node };
    // A hard link's target is looked up before the path it replaces goes (as tar resolves it).
    if (change.kind === 'hardlink' && change.linkTarget !== undefined) node.content = this.find(change.linkTarget)?.content;
    if (change.kind === 'dir') {
      // A dir rewritten over a dir keeps its children (an opaque marker's removals are listed separately).
      node.children = existing?.children ?? new Map();
    } else if (existing?.children && this.marking) {
      // A dir replaced by a non-dir: its base children are removed (listed as removals too).
      for (const child of [...existing.children.values()]) this.markRemoved(child, existing.children, layerIndex);
    }
    parent.children!.set(name, node);
  }
}

/**
 * Decides where each content's bytes are counted: at its original path when that still shows it,
 * else at the first surviving hard link in path order (a link whose target path was removed later
 * is the file now).
 */
function assignHolders(root: Work): void {
  const links: Work[] = [];
  const visit = (work: Work): void => {
    if (work.change === 'removed') return;
    const content = work.content;
    if (content?.owner === work) content.holder = work;
    else if (content) links.push(work);
    // Children by name: "first" is the first in the order the tree shows paths.
    if (work.children) for (const name of [...work.children.keys()].sort()) visit(work.children.get(name)!);
  };
  visit(root);
  for (const link of links) link.content!.holder ??= link;
}

function sizeOf(work: Work): number {
  if (work.kind !== 'hardlink') return work.size;
  return work.content !== undefined && work.content.holder === work ? work.content.size : 0;
}

function finish(work: Work): TreeNode {
  const out: TreeNode = {
    name: work.name, path: work.path, kind: work.kind, size: sizeOf(work), mode: work.mode, uid: work.uid, gid: work.gid,
    layerIndex: work.layerIndex,
  };
  if (work.linkTarget !== undefined) out.linkTarget = work.linkTarget;
  if (work.change) out.change = work.change;
  if (work.children) {
    const names = [...work.children.keys()].sort();
    out.children = names.map((n) => finish(work.children!.get(n)!));
    out.size = out.children.reduce((sum, c) => sum + (c.change === 'removed' ? 0 : c.size), 0);
  }
  return out;
}

/**
 * The filesystem after layer `layerIndex`, each node marked relative to the filesystem after layer
 * `baseIndex` (default `layerIndex − 1`): `added` (absent from the base), `modified` (present in the
 * base and rewritten by a layer in (baseIndex, layerIndex]), `removed` (present in the base, gone
 * now: kept in the tree so a view can show it), or unmarked. `baseIndex = 0` gives dive's
 * "aggregated changes"; `baseIndex = -1` marks everything as added. Cost: linear in the changes of
 * layers 0..layerIndex.
 */
export function filesystemAt(analysis: ImageAnalysis, layerIndex: number, baseIndex = layerIndex - 1): TreeNode {
  if (!Number.isInteger(layerIndex) || layerIndex < -1 || layerIndex >= analysis.layers.length) {
    throw new RangeError(`layer index ${layerIndex} out of range (the image has ${analysis.layers.length} layers)`);
  }
  const base = Math.max(-1, Math.min(baseIndex, layerIndex));
  const builder = new Builder();
  for (let i = 0; i <= layerIndex; i++) {
    builder.marking = i > base;
    for (const change of analysis.layers[i].changes) builder.apply(change, i);
  }
  assignHolders(builder.root);
  return finish(builder.root);
}

/** The final filesystem, without change marks. */
export function finalTree(analysis: ImageAnalysis): TreeNode {
  const last = analysis.layers.length - 1;
  return filesystemAt(analysis, last, last);
}

/** Depth-first, parents before children; the root itself is not included. */
export function flattenTree(node: TreeNode): TreeNode[] {
  const out: TreeNode[] = [];
  const stack = [...(node.children ?? [])].reverse();
  while (stack.length) {
    const next = stack.pop()!;
    out.push(next);
    if (next.children) for (let i = next.children.length - 1; i >= 0; i--) stack.push(next.children[i]);
  }
  return out;
}
