// Human formatting and parsing of sizes and ages, shared by the views, the webview and the CLI.

const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];

/** Decimal units, as `docker image ls` prints them: 1.5 GB, 512 kB, 0 B. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '?';
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits).replace(/\.0+$|(\.\d*?)0+$/, '$1')} ${units[unit]}`;
}

const sizePattern = /^\s*(\d+(?:\.\d+)?)\s*([kmgtp]?i?b?)?\s*$/i;
const multipliers: Record<string, number> = {
  '': 1, b: 1,
  k: 1e3, kb: 1e3, m: 1e6, mb: 1e6, g: 1e9, gb: 1e9, t: 1e12, tb: 1e12, p: 1e15, pb: 1e15,
  ki: 2 ** 10, kib: 2 ** 10, mi: 2 ** 20, mib: 2 ** 20, gi: 2 ** 30, gib: 2 ** 30, ti: 2 ** 40, tib: 2 ** 40, pi: 2 ** 50, pib: 2 ** 50,
};

/** Parses `20MB`, `1.5GiB`, `512k`, `1024` into bytes; throws a readable error otherwise. */
export function parseBytes(text: string): number {
  const match = sizePattern.exec(text);
  const multiplier = match ? multipliers[(match[2] ?? '').toLowerCase()] : undefined;
  if (!match || multiplier === undefined) {
    throw new Error(`Not a size: '${text}' (use bytes or a unit such as 20MB, 1.5GiB)`);
  }
  return Math.round(Number(match[1]) * multiplier);
}

/** "3 days ago"-style age from a time in seconds since the epoch, relative to `nowMs`. */
export function formatAge(createdSeconds: number, nowMs: number = Date.now()): string {
  const seconds = Math.max(0, Math.round(nowMs / 1000 - createdSeconds));
  const steps: [number, string][] = [
    [60 * 60 * 24 * 365, 'year'], [60 * 60 * 24 * 30, 'month'], [60 * 60 * 24 * 7, 'week'],
    [60 * 60 * 24, 'day'], [60 * 60, 'hour'], [60, 'minute'],
  ];
  for (const [size, name] of steps) {
    if (seconds >= size) {
      const n = Math.floor(seconds / size);
      return `${n} ${name}${n === 1 ? '' : 's'} ago`;
    }
  }
  return 'just now';
}
