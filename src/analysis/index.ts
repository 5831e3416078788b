// Public API of the layer analysis (pure: no vscode, no dockerode).
//
// Streaming entry points (Node only, they read a tar stream):
//   analyzeImage(input, options)   → ImageAnalysis   one image of a `docker save` stream or tar file
//   analyzeArchive(input, options) → ImageAnalysis[] every image of the archive (e.g. saveImages([a, b]))
//   Input is any Readable of the archive: legacy layout (manifest.json, <id>/layer.tar) or OCI
//   (index.json, blobs/sha256/…), layers plain, gzip or zstd. One pass; only metadata is kept.
//   Failures reject with AnalysisError (see its `code`); options.signal aborts with code 'aborted'.
//
// Pure functions over the result (also importable in the browser from './browser'):
//   filesystemAt(analysis, layerIndex, baseIndex?) → TreeNode  the filesystem after layer `layerIndex`,
//       each node marked added/modified/removed relative to the filesystem after layer `baseIndex`
//       (default layerIndex − 1: "changes of this layer"; pass 0 for dive's "aggregated changes",
//       −1 to mark everything as added). Removed paths stay in the tree as nodes with change 'removed'.
//   finalTree(analysis)            → TreeNode  the final filesystem, unmarked
//   flattenTree(node)              → TreeNode[] depth-first list of a tree (for filters and sorts)
//   compareImages(a, b)            → ImageComparison  shared layers and file differences
//   displayCreatedBy(raw)          → string    history text as shown (see createdBy.ts for the rules)
//   toJsonReport(analysis)         → the `layerscope analyze --json` object
//   evaluateCiRules(analysis, rules) → per-rule pass/fail, as `layerscope analyze --ci` prints them
//   formatTextReport(analysis)     → the readable table `layerscope analyze` prints
//
// Definitions (see replay.ts for the exact rules): sizes count regular-file content bytes; a hard
// link stores no content (it shares its target's, in the same layer); wasted bytes are stored bytes
// not visible in the final filesystem; efficiency = 1 − wasted / stored (1 when nothing is stored).
export * from './browser';
export { analyzeImage, analyzeArchive } from './archive';
