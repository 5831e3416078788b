// An unknown thrown value in words, for messages and logs (anything can be thrown in JavaScript).

/** The error's message, or the thrown value as text. */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The stack when there is one (for the log), else the same as errorText. */
export function errorDetail(err: unknown): string {
  return err instanceof Error ? err.stack ?? err.message : String(err);
}
