// dockerfile-ast accessors can throw on malformed input; rules and the document model never do.
/** Calls dockerfile-ast accessors that may throw on malformed input; falls back to `dflt`. */
export function safe<T>(f: () => T, dflt: T): T {
  try { return f(); } catch { return dflt; }
}
