// Result shapes of the layer analysis. Plain JSON-serialisable data (no Maps, no classes) so the
// extension host can post an ImageAnalysis to the webview unchanged.

/** What a tar entry is. `hardlink` is a hard link to an earlier regular file of the SAME layer. */
export type EntryKind = 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';

/** How a layer changed a path relative to the filesystem of the layers below it. */
export type ChangeKind = 'added' | 'modified' | 'removed';

/**
 * One path a layer touched. Paths are relative to the image root, without a leading `/` (`etc/passwd`).
 * A name whose bytes are not valid UTF-8 is shown with those bytes escaped (`caf\xe9`); the analysis
 * itself tells such names apart by their bytes.
 */
export interface FileChange {
  path: string;
  change: ChangeKind;
  /** For `removed`: the kind of what was removed (as it was in the layers below). */
  kind: EntryKind;
  /**
   * Regular-file content bytes this entry stores in the layer (0 for dirs, symlinks, hard links
   * and removals). For `removed`, the apparent size of what disappeared.
   */
  size: number;
  /**
   * Sparse files only: the bytes the layer really stores (the file's data without its holes);
   * `size` is then the file's apparent size.
   */
  storedSize?: number;
  /** Permission bits and type-independent mode bits (`0o755`), as in the tar header. */
  mode: number;
  uid: number;
  gid: number;
  /** Symlink or hard-link target, as written in the tar header (hard links: image-relative path). */
  linkTarget?: string;
  /** Directory marked opaque in this layer (`.wh..wh..opq`): everything below it from lower layers was hidden. */
  opaque?: boolean;
}

/** One history entry of the image config (`docker history`), empty layers included. */
export interface HistoryItem {
  /** RFC 3339 time as written in the config, '' when absent. */
  created: string;
  /** The raw `created_by` text. */
  createdByRaw: string;
  /** Display form, see `displayCreatedBy`. */
  createdBy: string;
  comment: string;
  /** True for entries that produced no filesystem layer (ENV, CMD, LABEL, ...). */
  emptyLayer: boolean;
  /** Index into ImageAnalysis.layers of the layer this entry produced; undefined for empty layers. */
  layerIndex?: number;
}

export interface LayerAnalysis {
  /** Position from the bottom (0 = base layer). */
  index: number;
  /** The layer's diff ID (`sha256:` of the uncompressed tar), from the config's rootfs.diff_ids. */
  digest: string;
  /** Digest of the blob as stored in the archive (compressed for OCI gzip/zstd layers); '' when unknown. */
  blobDigest: string;
  /** Index into ImageAnalysis.history of the entry that produced this layer, undefined if the history is short. */
  historyIndex?: number;
  /** Display CreatedBy of that history entry ('' when unknown). */
  createdBy: string;
  /** Sum of the regular-file content bytes stored in this layer (hard links add nothing). */
  sizeBytes: number;
  /** Size of the uncompressed layer tar. */
  tarBytes: number;
  /** Size of the blob in the archive (equals tarBytes for an uncompressed layer). */
  blobBytes: number;
  compression: 'none' | 'gzip' | 'zstd';
  added: number;
  modified: number;
  removed: number;
  /** Content bytes stored by THIS layer that are not visible in the final filesystem. */
  wastedBytes: number;
  /** Every path this layer added, modified or removed, in tar order (removals first). */
  changes: FileChange[];
}

/** A path whose content was stored more than needed. */
export interface Inefficiency {
  path: string;
  /** How many layers stored regular-file content at this path. */
  count: number;
  /** Bytes of those copies that are not visible in the final filesystem. */
  wastedBytes: number;
}

export interface LargeFile {
  path: string;
  sizeBytes: number;
  /** Index of the layer whose copy is visible. */
  layerIndex: number;
}

export interface ImageAnalysis {
  /** The name the caller asked for, or the first RepoTag, or the config digest. */
  image: string;
  /** Config digest (`sha256:…`), i.e. the image ID. */
  id: string;
  repoTags: string[];
  /** Archive layout the image came from. */
  layout: 'legacy' | 'oci';
  /** Created time of the image config ('' when absent). */
  created: string;
  architecture: string;
  os: string;
  layers: LayerAnalysis[];
  history: HistoryItem[];
  /** Sum of regular-file content bytes over all layers (each stored copy counted). */
  sizeBytes: number;
  /** Bytes of content visible in the final filesystem (each hard-linked content counted once). */
  finalBytes: number;
  /** sizeBytes − finalBytes: stored content hidden by later layers. */
  wastedBytes: number;
  /** 1 − wastedBytes / sizeBytes; 1 for an image with no content bytes. */
  efficiency: number;
  /** Content bytes of layers 1..n (everything above the base layer 0), for the user-wasted ratio. */
  userSizeBytes: number;
  /** wastedBytes / userSizeBytes (0 when both are 0; 1 when only the base layer holds bytes but some are wasted). */
  userWastedPercent: number;
  /** Paths with wasted bytes, wasted bytes descending, then path. */
  inefficiencies: Inefficiency[];
  /**
   * Largest regular files of the final filesystem, descending; at most `largestFilesLimit`. Each
   * content once: hard links to a listed file are not listed again (a link is listed only when
   * its target path is gone).
   */
  largestFiles: LargeFile[];
  /** Number of files, dirs and links in the final filesystem. */
  finalEntryCount: number;
  /** Things read leniently (e.g. a tar without its end-of-archive blocks); absent when none. */
  warnings?: string[];
}

/** A node of a filesystem view built by `filesystemAt`. */
export interface TreeNode {
  name: string;
  /** Image-relative path ('' for the root). */
  path: string;
  kind: EntryKind;
  /**
   * Apparent size: file bytes for files; 0 for hard links (another name for their target's bytes,
   * counted once, at the target), except a link whose target path is gone: it then carries the
   * bytes; for dirs the sum over the subtree (removed nodes excluded).
   */
  size: number;
  mode: number;
  uid: number;
  gid: number;
  linkTarget?: string;
  /** Layer whose entry is visible (for removed nodes: the layer that removed it). */
  layerIndex: number;
  /** Change relative to the base of the comparison; undefined = unchanged. */
  change?: ChangeKind;
  /** Children sorted by name; only for dirs. */
  children?: TreeNode[];
}

export interface AnalyzeProgress {
  /** Bytes of the archive read so far. */
  bytesRead: number;
  /** Archive path of the layer blob being read ('' between layers). */
  currentLayer: string;
  /** Layer blobs fully read so far. */
  layersRead: number;
}

/** Upper bounds that keep memory bounded on hostile input; exceeding one is an AnalysisError('limit'). */
export interface AnalysisLimits {
  /** Entries over all layer tars. */
  maxEntries: number;
  /** Bytes of one path (after normalisation). */
  maxPathLength: number;
  /** Bytes of one JSON document (manifest.json, index.json, a config, an OCI manifest); all of them together may hold twice this. */
  maxJsonBytes: number;
  /** Bytes of all distinct path components of the layers together (names are interned, see pathTrie.ts). */
  maxNameBytes: number;
  /** Manifests and indexes resolved to find the images of an OCI index (nested indexes included). */
  maxManifests: number;
}

export interface AnalyzeOptions {
  /**
   * Which image of the archive to analyse (a RepoTag, an ID or ID prefix, or an OCI ref name);
   * default: the first one. `analyzeArchive` ignores it and returns all.
   */
  image?: string;
  signal?: AbortSignal;
  /** Called about every 1 MiB of input, at each layer boundary and once at the end. */
  onProgress?: (progress: AnalyzeProgress) => void;
  limits?: Partial<AnalysisLimits>;
  /** Hash each uncompressed layer and check it against the config's diff_ids (default true). */
  verifyDiffIds?: boolean;
  /** How many largest files to keep (default 100). */
  largestFilesLimit?: number;
  /**
   * For multi-platform images (a nested OCI index): `os/architecture[/variant]` to pick, e.g.
   * `linux/arm64`. Default: the platform of this process when the index lists it, else the first.
   */
  platform?: string;
}

export type AnalysisErrorCode =
  | 'notTar'            // the input is not a tar archive
  | 'truncated'         // the archive or a layer ended early
  | 'badCompression'    // a gzip/zstd layer failed to decompress
  | 'missingManifest'   // neither manifest.json nor index.json
  | 'badManifest'       // a manifest, index or config is not what it should be
  | 'missingLayer'      // referenced by the manifest but absent from the archive
  | 'digestMismatch'    // a layer's content does not match its diff ID
  | 'unsafePath'        // `..` in an entry path
  | 'limit'             // one of AnalysisLimits exceeded
  | 'imageNotFound'     // options.image names no image of the archive
  | 'aborted';          // options.signal aborted

/** Every failure of the analysis, with a message a person can act on. */
export class AnalysisError extends Error {
  constructor(readonly code: AnalysisErrorCode, message: string) {
    super(message);
    this.name = 'AnalysisError';
  }
}

/** Two images side by side (`compareImages`). */
export interface ImageComparison {
  /** Layers present in both, by diff ID, with their positions. */
  sharedLayers: { digest: string; indexA: number; indexB: number; sizeBytes: number }[];
  /** Length of the common bottom stack: these layers are stored once on disk for both images. */
  commonBaseLayers: number;
  onlyInA: { digest: string; index: number; sizeBytes: number }[];
  onlyInB: { digest: string; index: number; sizeBytes: number }[];
  /** Non-directory paths of B's final filesystem absent from A's. */
  filesAdded: { path: string; sizeBytes: number }[];
  /** Non-directory paths of A's final filesystem absent from B's. */
  filesRemoved: { path: string; sizeBytes: number }[];
  /** Non-directory paths in both whose size differs. */
  filesChanged: { path: string; sizeBytesA: number; sizeBytesB: number }[];
}
