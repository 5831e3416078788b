// Relative times that stay true while a view is open: a container's "Up 3 minutes" is kept as a
// clock (the moment it counts from) and re-worded on each tick, without asking the engine again.

/** A status text split around its duration: "Up " + since + " (healthy)", "Exited (0) " + since + " ago". */
export interface StatusClock {
  before: string;
  /** Milliseconds since the epoch the duration counts from (an estimate when read from a list). */
  since: number;
  after: string;
}

/** Docker's own wording for durations ("Less than a second", "About a minute", "3 hours"). */
export function humanDuration(ms: number): string {
  const sec = Math.floor((Number.isFinite(ms) ? ms : 0) / 1000);
  if (sec < 1) return 'Less than a second';
  if (sec === 1) return '1 second';
  if (sec < 60) return `${sec} seconds`;
  const min = Math.floor(sec / 60);
  if (min === 1) return 'About a minute';
  if (min < 60) return `${min} minutes`;
  const hours = Math.round(sec / 3600);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(hours / 24 / 365)} years`;
}

const unitMs: Record<string, number> = {
  second: 1000, minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 7 * 86_400_000, month: 30 * 86_400_000, year: 365 * 86_400_000,
};

/** Units counted from the hours rounded to the nearest one: "2 hours" already reads at 1 h 30 min. */
const fromRoundedHours = new Set(['hour', 'day', 'week', 'month', 'year']);

/** The shortest time a `humanDuration` text stands for (its lower bound), undefined if not one. */
export function parseHumanDuration(text: string): number | undefined {
  if (text === 'Less than a second') return 0;
  if (text === 'About a minute') return unitMs.minute;
  if (text === 'About an hour') return unitMs.hour;
  const m = /^(\d+) (second|minute|hour|day|week|month|year)s?$/.exec(text);
  if (!m) return undefined;
  const ms = Number(m[1]) * unitMs[m[2]];
  return fromRoundedHours.has(m[2]) ? ms - unitMs.hour / 2 : ms;
}

const clockPattern = /^(Up |(?:Exited|Restarting) \(-?\d+\) )(.+?)((?: ago)?(?: \((?:Paused|healthy|unhealthy|health: starting)\))?)$/;

/**
 * The clock behind a status the engine listed at `readAtMs` ("Up 2 minutes" read now started at
 * least 2 minutes ago). Statuses without a duration ("Created", "Dead") have none.
 */
export function clockFromStatus(status: string, readAtMs: number): StatusClock | undefined {
  const m = clockPattern.exec(status);
  if (!m) return undefined;
  const ms = parseHumanDuration(m[2]);
  return ms === undefined ? undefined : { before: m[1], since: readAtMs - ms, after: m[3] };
}

export function clockText(clock: StatusClock, nowMs: number): string {
  return `${clock.before}${humanDuration(nowMs - clock.since)}${clock.after}`;
}

/** The status as it reads at `nowMs`. */
export function liveStatus(c: { status: string; statusClock?: StatusClock }, nowMs: number): string {
  return c.statusClock ? clockText(c.statusClock, nowMs) : c.status;
}

/**
 * How long until a relative time of this age may read differently: every second under a minute,
 * then on the minute (hour-level wording changes on minute boundaries too, so a minute is the most
 * a row waits).
 */
export function nextChangeDelayMs(ageMs: number): number {
  const age = Math.max(0, ageMs);
  const step = age < 60_000 ? 1000 : 60_000;
  return step - (age % step);
}
