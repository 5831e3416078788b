// tar-stream loads with the first container file listing or copy, not at activation.
import type * as Tar from 'tar-stream';

/**
 * tar-stream's exports. In the bundle, a dynamically imported CommonJS package is a chunk whose only
 * export is `default` (Node's own loader and tsx also name the exports), so read through `default`.
 */
export async function tarStream(): Promise<typeof Tar> {
  const loaded = (await import('tar-stream')) as typeof Tar & { default?: typeof Tar };
  return loaded.default ?? loaded;
}
