// The first lint in an extension host: what it may make wait, and marks that time it.
//
// Marks go on Node's performance timeline so bench/activation.bench.mjs can split "Dockerfile open →
// diagnostics shown" into its parts (its probe runs in the same host and reads them with
// performance.getEntriesByName). Each step is marked once, and nothing more once the first findings
// are shown: a handful of entries per host.
export const FIRST_LINT_MARK = 'layerscope:first-lint:';

export type FirstLintStep = 'activate' | 'import' | 'imported' | 'registered' | 'lint' | 'config' | 'options' | 'linted' | 'shown';

const marked = (step: FirstLintStep) => performance.getEntriesByName(FIRST_LINT_MARK + step, 'mark').length > 0;

export function markFirstLint(step: FirstLintStep): void {
  if (!marked(step) && !marked('shown')) performance.mark(FIRST_LINT_MARK + step);
}

/**
 * How long work that follows freshly set diagnostics waits (ShellCheck's processes, the linked-image
 * glue's loading). The host sends the markers to the window on its next turn and tells extensions
 * 50 ms after the set (VS Code's debounce); synchronous work before that (forking ShellCheck from a
 * large host blocked it 50–150 ms here; loading a chunk about as long) made both wait.
 */
export const AFTER_SHOWN_MS = 100;

export const afterShown = (): Promise<void> => new Promise((resolve) => { setTimeout(resolve, AFTER_SHOWN_MS); });
