// What history entry each Dockerfile instruction of a stage chain should have left, and how well a
// recorded entry matches it (0..1). Both builders' forms (see analysis/createdBy.ts): BuildKit keeps
// COPY/ADD sources and destination (variables expanded, flags dropped), legacy keeps only
// `file:<hash> in <dest>`; RUN keeps the command as written behind the shell in effect; neither
// expands variables in RUN. Pure.
import type { ParsedCreatedBy } from '../model/createdBy';
import { joinContinuations, type LintDocument, type LintInstruction, type Stage } from '../lint/document';
import { expandVars } from './expand';

export interface Expected {
  /** The instruction (for a trigger: the trigger inside its ONBUILD). */
  ins: LintInstruction;
  keyword: string;
  /** May be missing from the history (BuildKit records no ONBUILD; triggers run only FROM an image). */
  optional: boolean;
  /** A trigger run: matched but not reported as the ONBUILD line's step. */
  trigger: boolean;
  /** RUN/COPY/ADD: its text identifies the build; metadata alone does not. */
  strong: boolean;
  /** Working directory in effect for the instruction ('/' when the base image's is unknown). */
  workdir: string;
  score(step: ParsedCreatedBy): number;
}

const ws = (s: string): string => s.replace(/\s+/g, ' ').trim();
/** Metadata texts differ in quoting and brackets between builders (`SHELL [/bin/sh -c]`, `CMD ["sh"]`). */
const loose = (s: string): string => ws(s.replace(/[[\]",']/g, ' '));

/** Text of an instruction's arguments (after its flags), continuations joined. */
function argsText(doc: LintDocument, ins: LintInstruction): string {
  if (!ins.args.length) return '';
  const raw = doc.text.slice(doc.offsetAt(ins.args[0].getRange().start), doc.offsetAt(ins.args[ins.args.length - 1].getRange().end));
  return joinContinuations(raw, doc.escape);
}

export function resolveDir(base: string, dir: string): string {
  const parts = (dir.startsWith('/') ? dir : `${base}/${dir}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop(); else out.push(p);
  }
  return `/${out.join('/')}`;
}

/** An instruction's arguments after its flags, variables expanded (COPY/ADD sources and destination). */
export function expandedArgs(doc: LintDocument, e: Expected, vars: ReadonlyMap<string, string> = new Map()): string[] {
  return (e.ins.execForm ?? e.ins.args.map((a) => a.getValue())).map((v) => expandVars(v, vars, doc.escape));
}

/** Variables while walking a chain: ENV carries into child stages, ARG does not. */
export interface Scope {
  env: Map<string, string>;
  args: Map<string, string>;
  workdir: string;
  globalArgs: Map<string, string>;
  buildArgs: Record<string, string>;
}

function lookup(scope: Scope): Map<string, string> {
  return new Map([...scope.args, ...scope.env]);
}

/** The expected entry of one instruction; updates `scope` for the ones after it. */
export function expectFor(doc: LintDocument, ins: LintInstruction, scope: Scope, trigger = false): Expected | undefined {
  const keyword = ins.keyword;
  const vars = lookup(scope);
  const expand = (s: string): string => expandVars(s, vars, doc.escape);
  const base = { ins, keyword, optional: trigger, trigger, strong: false, workdir: scope.workdir };
  const sameKeyword = (step: ParsedCreatedBy): boolean => step.instruction === keyword;
  switch (keyword) {
    case 'FROM': return undefined;
    case 'RUN': {
      const text = argsText(doc, ins);
      const full = ws(ins.execForm ? ins.execForm.join(' ') : [...ins.shell, text].join(' '));
      const body = ws(text);
      const heredocs = ins.heredocs.map((h) => { const r = h.getContentRange(); return r ? ws(doc.textOf(r)) : ''; });
      return {
        ...base, strong: true,
        score: (step) => {
          if (!sameKeyword(step)) return 0;
          const stepBody = ws(step.body);
          if (ws([...step.shell, step.body].join(' ')) === full) return 1;
          if (stepBody === body && !ins.execForm) return 0.9;
          if (heredocs.length && (heredocs.includes(stepBody) || stepBody.startsWith(ws(text.split('\n')[0])))) return 0.9;
          return 0;
        },
      };
    }
    case 'COPY': case 'ADD': {
      const parts = (ins.execForm ?? ins.args.map((a) => a.getValue())).map(expand);
      const whole = ws(parts.join(' '));
      const dest = parts[parts.length - 1] ?? '';
      return {
        ...base, strong: true,
        score: (step) => {
          if (!sameKeyword(step)) return 0;
          if (ws(step.body) === whole) return 1;
          const legacy = /^(?:\S+) in (.*)$/s.exec(step.body.trim());
          return legacy && legacy[1].trim() === dest.trim() ? 0.9 : 0;
        },
      };
    }
    case 'WORKDIR': {
      const raw = expand(argsText(doc, ins).trim());
      scope.workdir = resolveDir(scope.workdir, raw);
      const resolved = scope.workdir;
      return { ...base, score: (step) => (!sameKeyword(step) ? 0 : ws(step.body) === resolved || ws(step.body) === raw ? 1 : 0.3) };
    }
    case 'ENV': case 'ARG': {
      const decls = doc.declarations(ins);
      const pairs = decls.map((d) => {
        const value = d.value === null ? null : expand(d.value);
        if (keyword === 'ENV') scope.env.set(d.name, value ?? '');
        else scope.args.set(d.name, scope.buildArgs[d.name] ?? value ?? scope.globalArgs.get(d.name) ?? '');
        return value === null ? d.name : `${d.name}=${value}`;
      });
      const names = decls.map((d) => d.name).join(' ');
      const text = loose(pairs.join(' '));
      return {
        ...base,
        score: (step) => {
          if (!sameKeyword(step)) return 0;
          if (loose(step.body) === text) return 1;
          const stepNames = step.body.split(/\s+/).map((t) => t.split('=')[0]).filter(Boolean).join(' ');
          return stepNames === names ? 0.7 : 0.2;
        },
      };
    }
    case 'EXPOSE': {
      const ports = (expand(argsText(doc, ins)).match(/\d+(?:\/\w+)?/g) ?? []).map((p) => (p.includes('/') ? p : `${p}/tcp`)).sort().join(' ');
      return {
        ...base,
        score: (step) => {
          if (!sameKeyword(step)) return 0;
          const got = (step.body.match(/\d+(?:\/\w+)?/g) ?? []).map((p) => (p.includes('/') ? p : `${p}/tcp`)).sort().join(' ');
          return got === ports ? 1 : 0.3;
        },
      };
    }
    case 'ONBUILD': {
      const text = loose(argsText(doc, ins));
      return { ...base, optional: true, score: (step) => (!sameKeyword(step) ? 0 : loose(step.body) === text ? 1 : 0.3) };
    }
    default: {
      const shellForm = (keyword === 'CMD' || keyword === 'ENTRYPOINT') && !ins.execForm;
      const raw = argsText(doc, ins);
      const text = loose(ins.execForm ? ins.execForm.join(' ') : shellForm ? [...ins.shell, raw].join(' ') : expand(raw));
      const plain = loose(raw);
      return { ...base, score: (step) => (!sameKeyword(step) ? 0 : loose(step.body) === text || loose(step.body) === plain ? 1 : 0.3) };
    }
  }
}

/** The stages an image built with `target` holds, root first (FROM <stage> chains). */
export function chainOf(target: Stage): Stage[] {
  const chain: Stage[] = [];
  for (let s: Stage | undefined = target; s && chain.length < 64; s = s.parent) chain.unshift(s);
  return chain;
}

/** Every entry the chain's build records, in order: per stage, the parent's ONBUILD triggers, then its instructions. */
export function expectedEntries(doc: LintDocument, chain: Stage[], buildArgs: Record<string, string>): Expected[] {
  const globalArgs = new Map<string, string>();
  for (const g of doc.globalArgs) {
    for (const d of doc.declarations(g)) globalArgs.set(d.name, buildArgs[d.name] ?? d.value ?? '');
  }
  const scope: Scope = { env: new Map(), args: new Map(), workdir: '/', globalArgs, buildArgs };
  const out: Expected[] = [];
  for (const stage of chain) {
    scope.args = new Map();
    if (!stage.parent) { scope.env = new Map(); scope.workdir = '/'; }
    for (const onbuild of stage.parent?.instructions ?? []) {
      if (!onbuild.trigger) continue;
      const e = expectFor(doc, onbuild.trigger, scope, true);
      if (e) out.push(e);
    }
    for (const ins of stage.instructions) {
      const e = expectFor(doc, ins, scope);
      if (e) out.push(e);
    }
  }
  return out;
}
