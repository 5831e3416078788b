// The declared intent of every preferred quick fix, by rule code: what the fix is allowed to change.
// The fix check (fixcheck/index.ts) erases exactly that change from the instructions a fix touched,
// before and after, and requires what is left to be equal: anything else the fix changed is harm.
import type { InsMeaning } from './meaning';

export type FixIntent =
  /** Letter case only (keywords, `AS`, a protocol). */
  | { kind: 'casing' }
  /** Stage names and the references to them, lower-cased. */
  | { kind: 'stage-casing' }
  /** Adds one of `flags` to the commands named `commands`; `busyboxLacks`: flags BusyBox's version rejects. */
  | { kind: 'add-flag'; commands: string[]; flags: string[]; busyboxLacks?: string[] }
  /** Appends `&& rm -rf PATH` after a command list, for paths under `paths`. */
  | { kind: 'append-cleanup'; paths: string[] }
  /** Renames a command (`apt` → `apt-get`) for subcommands that mean the same under both names. */
  | { kind: 'rename-command'; from: string; to: string; subs: Record<string, string> }
  /** Shell form → exec form, for a command line of plain words (no expansion, no operator). */
  | { kind: 'exec-form' }
  /** MAINTAINER x → LABEL org.opencontainers.image.authors="x". */
  | { kind: 'maintainer-label' }
  /** `key value` → `key=value`: the declarations stay the same. */
  | { kind: 'key-value' }
  /** Layout only (an empty continuation line removed). */
  | { kind: 'layout' }
  /** ADD → COPY where ADD would neither download nor unpack. */
  | { kind: 'add-to-copy' }
  /** A relative WORKDIR made absolute, resolving to the same directory (the image's own taken as `/`). */
  | { kind: 'absolute-workdir' };

export const FIX_INTENTS: Record<string, FixIntent> = {
  ConsistentInstructionCasing: { kind: 'casing' },
  FromAsCasing: { kind: 'casing' },
  ExposeProtoCasing: { kind: 'casing' },
  StageNameCasing: { kind: 'stage-casing' },
  DL3014: { kind: 'add-flag', commands: ['apt-get'], flags: ['-y'] },
  DL3015: { kind: 'add-flag', commands: ['apt-get'], flags: ['--no-install-recommends'] },
  DL3019: { kind: 'add-flag', commands: ['apk'], flags: ['--no-cache'] },
  DL3042: { kind: 'add-flag', commands: ['pip', 'pip3', 'python', 'python3'], flags: ['--no-cache-dir'] },
  DL3047: { kind: 'add-flag', commands: ['wget'], flags: ['--progress', '-q'], busyboxLacks: ['--progress'] },
  DL3009: { kind: 'append-cleanup', paths: ['/var/lib/apt/lists'] },
  DL3027: {
    kind: 'rename-command', from: 'apt', to: 'apt-get',
    subs: { install: 'install', update: 'update', remove: 'remove', purge: 'purge', autoremove: 'autoremove', clean: 'clean', autoclean: 'autoclean', 'full-upgrade': 'dist-upgrade', 'dist-upgrade': 'dist-upgrade' },
  },
  DL3025: { kind: 'exec-form' },
  DL4000: { kind: 'maintainer-label' },
  LegacyKeyValueFormat: { kind: 'key-value' },
  NoEmptyContinuation: { kind: 'layout' },
  DL3020: { kind: 'add-to-copy' },
  DL3000: { kind: 'absolute-workdir' },
};

/** One line saying what a fix of this code may change (for docs and failure messages). */
export function describeIntent(i: FixIntent): string {
  switch (i.kind) {
    case 'casing': return 'rewrites letter case only';
    case 'stage-casing': return 'lower-cases a stage name and its references';
    case 'add-flag': return `adds ${i.flags.join(' or ')} to ${i.commands.join('/')}`;
    case 'append-cleanup': return `appends rm -rf ${i.paths.join(' ')}/*`;
    case 'rename-command': return `runs ${i.to} instead of ${i.from}`;
    case 'exec-form': return 'writes a plain command line in exec (JSON) form';
    case 'maintainer-label': return 'turns MAINTAINER into the OCI authors LABEL';
    case 'key-value': return 'rewrites key value as key=value';
    case 'layout': return 'changes layout only';
    case 'add-to-copy': return 'replaces ADD by COPY for local, non-archive sources';
    case 'absolute-workdir': return 'makes a WORKDIR absolute, same directory';
  }
}

type Json = unknown;
const base = (w: string) => w.slice(w.lastIndexOf('/') + 1);
const deepLower = (v: Json): Json => typeof v === 'string' ? v.toLowerCase()
  : Array.isArray(v) ? v.map(deepLower)
    : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deepLower(x)])) : v;

interface Shell { ops: string[]; commands: string[][]; nested: string[][] }
const shellOf = (m: InsMeaning): Shell | undefined => m.body.shell as Shell | undefined;
const withShell = (m: InsMeaning, s: Shell): InsMeaning => ({ ...m, body: { ...m.body, shell: s } });

/** Erases the intended change from one instruction's meaning (applied to both sides). */
export function erase(intent: FixIntent, m: InsMeaning): InsMeaning {
  switch (intent.kind) {
    case 'casing': return deepLower(m) as InsMeaning;
    case 'stage-casing': return eraseStageCasing(m);
    case 'add-flag': return eraseFlag(m, intent);
    case 'append-cleanup': return eraseCleanup(m, intent.paths);
    case 'rename-command': return eraseRename(m, intent);
    case 'exec-form': return eraseShellForm(m);
    case 'maintainer-label':
      return m.keyword === 'MAINTAINER' ? { keyword: 'LABEL', flags: [], body: { decls: [['org.opencontainers.image.authors', m.body.text]] } } : m;
    case 'key-value': case 'layout': return m;
    case 'add-to-copy': return m.keyword === 'ADD' && addIsCopy(m) ? { ...m, keyword: 'COPY' } : m;
    case 'absolute-workdir': return m.keyword === 'WORKDIR' ? { ...m, body: { resolved: m.body.resolved } } : m;
  }
}

function eraseStageCasing(m: InsMeaning): InsMeaning {
  const flags = m.flags.map((f) => (/^(from|mount)=/.test(f) ? f.toLowerCase() : f));
  const body = m.keyword === 'FROM' ? deepLower(m.body) as Record<string, unknown> : m.body;
  return { ...m, flags, body, trigger: m.trigger && eraseStageCasing(m.trigger) };
}

function eraseFlag(m: InsMeaning, i: { commands: string[]; flags: string[] }): InsMeaning {
  const s = shellOf(m);
  if (!s) return m;
  const strip = (c: string[]) => {
    const at = c.findIndex((w) => !/^\w+=/.test(w));
    if (at < 0 || !i.commands.includes(base(c[at]))) return c;
    return c.filter((w, k) => k <= at || !i.flags.some((f) => w === f || w.startsWith(f + '=')));
  };
  return withShell(m, { ...s, commands: s.commands.map(strip), nested: s.nested.map(strip) });
}

function eraseCleanup(m: InsMeaning, paths: string[]): InsMeaning {
  const s = shellOf(m);
  if (!s) return m;
  const isCleanup = (c: string[]) => c[0] === 'rm' && c.slice(1).every((w) => w.startsWith('-')
    || paths.some((p) => w === p || w.startsWith(p + '/'))) && c.slice(1).some((w) => !w.startsWith('-'));
  const ops: string[] = [];
  const commands: string[][] = [];
  for (let k = 0; k < s.commands.length; k++) {
    if (isCleanup(s.commands[k]) && s.ops[k] === '&&') continue;
    ops.push(s.ops[k]);
    commands.push(s.commands[k]);
  }
  ops.push(s.ops[s.ops.length - 1]);
  return withShell(m, { ...s, ops, commands });
}

function eraseRename(m: InsMeaning, i: { from: string; to: string; subs: Record<string, string> }): InsMeaning {
  const s = shellOf(m);
  if (!s) return m;
  const map = (c: string[]) => {
    const at = c.findIndex((w) => !/^\w+=/.test(w));
    if (at < 0 || base(c[at]) !== i.from) return c;
    const sub = c.slice(at + 1).findIndex((w) => !w.startsWith('-'));
    const subAt = sub < 0 ? -1 : at + 1 + sub;
    if (subAt < 0 || !(c[subAt] in i.subs)) return c;
    return c.map((w, k) => k === at ? w.slice(0, w.length - i.from.length) + i.to : k === subAt ? i.subs[w] : w);
  };
  return withShell(m, { ...s, commands: s.commands.map(map), nested: s.nested.map(map) });
}

/** A shell-form command line of plain words reads the same as exec form with those words. */
function eraseShellForm(m: InsMeaning): InsMeaning {
  const text = m.body.shell;
  if (typeof text !== 'string') return m;
  const words = plainWordsOf(text);
  return words ? { ...m, body: { exec: words } } : m;
}

/** Words of a command line with quotes but no shell feature at all; null otherwise. */
export function plainWordsOf(line: string): string[] | null {
  const words: string[] = [];
  const re = /\s*(?:'([^']*)'|"([^"$`\\]*)"|([^\s'"$`\\|&;<>()*?[\]{}~#=!]+))/y;
  let cur: string | null = null;
  let at = 0;
  while (at < line.length) {
    if (/\s/.test(line[at])) { if (cur !== null) words.push(cur); cur = null; at++; continue; }
    re.lastIndex = at;
    const m = re.exec(line);
    if (!m || m[0].length === 0) return null;
    cur = (cur ?? '') + (m[1] ?? m[2] ?? m[3]);
    at = re.lastIndex;
  }
  if (cur !== null) words.push(cur);
  return words.length ? words : null;
}

const ARCHIVE = /\.(tar|t[gbx]z|tbz2|tzst|gz|bz2|xz|zst|lz|lzma|lz4|z)$/i;

/** ADD of sources COPY copies the same way: local paths, not URLs or git refs, not archives, no heredoc trickery. */
function addIsCopy(m: InsMeaning): boolean {
  const words = m.body.words as string[] | undefined;
  if (!words || words.length < 2) return false;
  if (m.flags.some((f) => /^(checksum|keep-git-dir|unpack)=/.test(f))) return false;
  return words.slice(0, -1).every((w) => {
    const v = w.replace(/^(["'])(.*)\1$/, '$2');
    return !/^[a-z][a-z0-9+.-]*:\/\//i.test(v) && !/^git@/i.test(v) && !ARCHIVE.test(v) && !v.includes('$');
  });
}
