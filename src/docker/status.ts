// The daemon's container "Status" text, rebuilt from inspect's State so that a container fetched
// alone (getContainer, on an event) reads exactly as it does in the list. model/format's formatAge
// is our own wording for ages; this one must match the engine's ("Up About a minute").

import { clockFromStatus, humanDuration, type StatusClock } from '../model/liveStatus';
import { num, obj, str } from './json';

/** The list's "Status" text ("Up 3 minutes (healthy)", "Exited (3) 2 hours ago") from inspect's State. */
export function humanStatus(rawState: unknown, now = Date.now()): string {
  const s = obj(rawState);
  const since = (iso: unknown) => humanDuration(now - Date.parse(str(iso)));
  const status = str(s.Status);
  if (s.Running === true || status === 'running' || status === 'paused') {
    if (s.Paused === true || status === 'paused') return `Up ${since(s.StartedAt)} (Paused)`;
    if (s.Restarting === true) return `Restarting (${num(s.ExitCode)}) ${since(s.FinishedAt)} ago`;
    const health = str(obj(s.Health).Status);
    const suffix = health === 'starting' ? ' (health: starting)' : health && health !== 'none' ? ` (${health})` : '';
    return `Up ${since(s.StartedAt)}${suffix}`;
  }
  if (status === 'restarting') return `Restarting (${num(s.ExitCode)}) ${since(s.FinishedAt)} ago`;
  if (status === 'removing') return 'Removal In Progress';
  if (status === 'dead') return 'Dead';
  if (status === 'created') return 'Created';
  const finished = Date.parse(str(s.FinishedAt));
  if (Number.isNaN(finished) || finished <= 0) return 'Created';
  return `Exited (${num(s.ExitCode)}) ${since(s.FinishedAt)} ago`;
}

/** The exact clock of that text: inspect gives the start and finish times to the millisecond. */
export function statusClockFromState(rawState: unknown, text: string, now = Date.now()): StatusClock | undefined {
  const clock = clockFromStatus(text, now);
  if (!clock) return undefined;
  const s = obj(rawState);
  const exact = Date.parse(str(clock.before === 'Up ' ? s.StartedAt : s.FinishedAt));
  return Number.isNaN(exact) ? clock : { ...clock, since: exact };
}

export { humanDuration };
