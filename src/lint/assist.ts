// Help while typing that dockerfile-language-service does not give: our pragma comments and rule
// codes (completion and hover), RUN's BuildKit flags and `--mount` keys and values, and stage names
// after FROM. Pure: text and a position in, plain items out; the editor glue maps them.
import type { Position, Range, RuleMeta } from './types';

export type AssistKind = 'pragma' | 'rule' | 'flag' | 'key' | 'value' | 'stage';

export interface AssistItem {
  label: string;
  kind: AssistKind;
  /** Short text beside the label (a rule's title, what a key does). */
  detail: string;
  insertText: string;
  /** What the item replaces (the partial word before the cursor). */
  range: Range;
  /** Ask for completion again after inserting (`--mount=` → its keys). */
  retrigger?: boolean;
}

export interface AssistHover {
  range: Range;
  /** Markdown. */
  markdown: string;
}

const PRAGMAS: [string, string][] = [
  ['hadolint ignore=', 'Ignore rules on the next instruction'],
  ['hadolint global ignore=', 'Ignore rules in the whole file'],
  ['hadolint stage ignore=', 'Ignore rules in the rest of this stage'],
  ['hadolint shell=', 'Lint RUN scripts as this shell (e.g. bash, pwsh)'],
  ['check=skip=', 'BuildKit directive: skip these checks (top of the file)'],
  ['check=error=true', 'BuildKit directive: checks fail the build (top of the file)'],
];

const RUN_FLAGS: [string, string][] = [
  ['--mount=', 'Mount a cache, secret, SSH agent, tmpfs or another stage for this RUN only'],
  ['--network=', 'Network for this RUN: default, none or host'],
  ['--security=', 'insecure or sandbox (needs the insecure entitlement)'],
];

const MOUNT_KEYS: [string, string][] = [
  ['type=', 'bind (default), cache, tmpfs, secret or ssh'],
  ['target=', 'Where the mount appears (also dst=, destination=)'],
  ['source=', 'Path in the `from` image or stage (bind, cache)'],
  ['from=', 'Stage or image to mount from (default: the build context)'],
  ['id=', 'Cache id, secret id or SSH agent id'],
  ['sharing=', 'Cache sharing: shared, private or locked'],
  ['mode=', 'File mode of the cache, secret or ssh socket'],
  ['uid=', 'User id of the mounted files'],
  ['gid=', 'Group id of the mounted files'],
  ['readonly', 'Mount read-only (bind: the default)'],
  ['rw', 'Writable bind mount (writes are discarded)'],
  ['required', 'Fail when the secret or SSH agent is missing'],
  ['env=', 'Secret: expose it as this environment variable'],
  ['size=', 'tmpfs size limit'],
];

const MOUNT_VALUES: Record<string, string[]> = {
  type: ['bind', 'cache', 'tmpfs', 'secret', 'ssh'],
  sharing: ['shared', 'private', 'locked'],
};

const NETWORK_VALUES = ['default', 'none', 'host'];
const SECURITY_VALUES = ['insecure', 'sandbox'];

const range = (line: number, from: number, to: number): Range => ({ start: { line, character: from }, end: { line, character: to } });

/** Completion items for `pos`, or undefined when the place is not one of ours. */
export function assistCompletions(text: string, pos: Position, rules: readonly RuleMeta[]): AssistItem[] | undefined {
  const lines = text.split(/\r?\n/);
  const before = (lines[pos.line] ?? '').slice(0, pos.character);
  const at = (start: number) => range(pos.line, start, pos.character);

  const codes = /^(\s*#\s*(?:hadolint\s+(?:(?:global|stage)\s+)?ignore|check\s*=\s*skip)\s*=\s*)([\w\s,-]*)$/i.exec(before);
  if (codes) {
    const partial = /[\w-]*$/.exec(codes[2])![0];
    const listed = new Set(codes[2].split(/[\s,]+/).filter(Boolean));
    const buildkitOnly = /check/i.test(codes[1]);
    return rules
      .filter((r) => !buildkitOnly || r.source === 'buildkit' || r.aliases?.length)
      .map((r) => (buildkitOnly && r.source !== 'buildkit' ? { ...r, code: r.aliases![0] } : r))
      .filter((r) => !listed.has(r.code) || r.code === partial)
      .map((r) => ({ label: r.code, kind: 'rule', detail: r.title, insertText: r.code, range: at(pos.character - partial.length) }));
  }
  // A comment that could still become one of our pragmas (an ordinary comment gets nothing).
  const comment = /^(\s*#\s*)([\w =-]*)$/.exec(before);
  const typed = comment?.[2].toLowerCase().replace(/\s+/g, ' ') ?? '';
  const pragmas = comment ? PRAGMAS.filter(([p]) => p.startsWith(typed)) : [];
  if (comment && pragmas.length) {
    return pragmas.map(([p, detail]) => ({ label: p, kind: 'pragma', detail, insertText: p, range: at(comment[1].length), retrigger: p.endsWith('=') }));
  }
  const run = /^\s*(?:ONBUILD\s+)?RUN\s+((?:--\S*\s+)*)(--\S*)?$/i.exec(before);
  if (run) return runFlagCompletions(run[2] ?? '', pos, at);
  const from = /^\s*FROM\s+((?:--\S+\s+)*)([\w.-]*)$/i.exec(before);
  if (from) {
    const partial = from[2];
    return stagesBefore(lines, pos.line).map((name) => ({ label: name, kind: 'stage', detail: 'Build stage', insertText: name, range: at(pos.character - partial.length) }));
  }
  return undefined;
}

function runFlagCompletions(word: string, pos: Position, at: (start: number) => Range): AssistItem[] | undefined {
  const wordStart = pos.character - word.length;
  const mount = /^--mount=(.*)$/i.exec(word);
  if (mount) {
    const part = /[^,]*$/.exec(mount[1])![0];
    const partStart = pos.character - part.length;
    const kv = /^([\w-]+)=(.*)$/.exec(part);
    if (kv) {
      const values = MOUNT_VALUES[kv[1].toLowerCase()];
      return values?.map((v) => ({ label: v, kind: 'value', detail: `${kv[1]}=${v}`, insertText: v, range: at(pos.character - kv[2].length) })) ?? [];
    }
    const used = new Set(mount[1].split(',').map((p) => p.split('=')[0].toLowerCase()));
    return MOUNT_KEYS.filter(([k]) => !used.has(k.replace('=', '')) || k.replace('=', '') === part)
      .map(([k, detail]) => ({ label: k, kind: 'key', detail, insertText: k, range: at(partStart), retrigger: k === 'type=' || k === 'sharing=' }));
  }
  const valued = /^--(network|security)=(\w*)$/i.exec(word);
  if (valued) {
    const values = valued[1].toLowerCase() === 'network' ? NETWORK_VALUES : SECURITY_VALUES;
    return values.map((v) => ({ label: v, kind: 'value', detail: `--${valued[1]}=${v}`, insertText: v, range: at(pos.character - valued[2].length) }));
  }
  if (word.includes('=')) return [];
  return RUN_FLAGS.map(([f, detail]) => ({ label: f, kind: 'flag', detail, insertText: f, range: at(wordStart), retrigger: true }));
}

/** Stage names declared by `FROM … AS name` above `line`. */
export function stagesBefore(lines: readonly string[], line: number): string[] {
  const out: string[] = [];
  for (let n = 0; n < line && n < lines.length; n++) {
    const m = /^\s*FROM\s+(?:--\S+\s+)*\S+\s+AS\s+(\S+)/i.exec(lines[n]);
    if (m && !out.includes(m[1])) out.push(m[1]);
  }
  return out;
}

/** Hover for a rule code (or alias) inside one of our pragma comments. */
export function assistHover(text: string, pos: Position, rules: readonly RuleMeta[]): AssistHover | undefined {
  const line = text.split(/\r?\n/)[pos.line] ?? '';
  if (!/^\s*#\s*(hadolint\b|check\s*=)/i.test(line)) return undefined;
  const re = /[A-Za-z][\w-]*/g;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (pos.character < m.index || pos.character > m.index + m[0].length) continue;
    const rule = rules.find((r) => r.code === m![0] || r.aliases?.includes(m![0]));
    if (!rule) return undefined;
    const also = rule.aliases?.length ? ` (also ${rule.aliases.join(', ')})` : '';
    return {
      range: range(pos.line, m.index, m.index + m[0].length),
      markdown: `**${rule.code}**${also}: ${rule.title}\n\nDefault level: ${rule.level} · from ${rule.source}`,
    };
  }
  return undefined;
}
