// Pure: which image a command was invoked on. The views pass their tree node (whose `ref` is the
// model object), other callers an image ID or reference string.

export interface ImageArg {
  /** What to inspect: an image ID or a reference. */
  ref: string;
  /** The tag a person picked (titles the panel), when known. */
  tag?: string;
}

const idPattern = /^(sha256:)?[0-9a-f]{12,64}$/;

/**
 * Accepts a string; a tree node `{ ref: {...} }`; an object with `image.id` (an image tag or a
 * dangling/intermediate image row), `imageId` (a container) or an `id` that looks like an image ID.
 */
export function imageFromArg(arg: unknown): ImageArg | undefined {
  if (typeof arg === 'string') {
    const ref = arg.trim();
    return !ref ? undefined : idPattern.test(ref) ? { ref } : { ref, tag: ref };
  }
  if (!arg || typeof arg !== 'object') return undefined;
  const o = arg as { ref?: unknown; kind?: unknown; category?: unknown; image?: { id?: unknown }; container?: unknown; imageId?: unknown; id?: unknown };
  if (o.ref && typeof o.ref === 'object') return imageFromArg(o.ref);
  if (o.container && typeof o.container === 'object') return imageFromArg(o.container);
  // Disk Usage rows carry the ID of whatever they list: only image rows name an image.
  if (o.kind === 'diskItem' && o.category !== 'images') return undefined;
  const tag = typeof o.ref === 'string' ? o.ref : undefined;
  const id = typeof o.image?.id === 'string' ? o.image.id
    : typeof o.imageId === 'string' ? o.imageId
      : typeof o.id === 'string' && idPattern.test(o.id) ? o.id : undefined;
  return id ? { ref: id, ...(tag ? { tag } : {}) } : undefined;
}
