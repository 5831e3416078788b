// The daemon's container "Status" text, rebuilt from inspect's State so that a container fetched
// alone (getContainer, on an event) reads exactly as it does in the list. model/format's formatAge
// is our own wording for ages; this one must match the engine's ("Up About a minute").

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
