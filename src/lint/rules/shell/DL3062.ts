// DL3062: go install / go get / go run of a remote package without @version (or with @latest)
// builds whatever was tagged most recently.
import type { Rule } from '../../rule';
import type { ShellWord } from '../../shell';
import { commandsNamed, invocation, isUnknown, spanRange, subIs } from './common';
const GO_BUILD_FLAGS = {
  singleDash: true,
  withValue: ['-o', '-p', '-C', '-tags', '-ldflags', '-gcflags', '-asmflags', '-gccgoflags', '-mod', '-modfile',
    '-overlay', '-pkgdir', '-toolexec', '-buildmode', '-compiler', '-installsuffix', '-pgo', '-exec'],
};

/** A local path or file rather than a module package: `.`, `./x`, `/go/src/x`, `main.go`. */
function isLocal(s: string): boolean {
  return s.startsWith('.') || s.startsWith('/') || s.endsWith('.go');
}

/** The packages a `go install|get|run` fetches; for run only the first operand (the rest are its arguments). */
function packagesOf(sub: string, operands: ShellWord[]): ShellWord[] {
  if (sub === 'run') return operands.slice(0, 1);
  // `go install tool name` installs a tool by name.
  if (sub === 'install' && operands[0]?.value === 'tool') return operands.slice(1);
  return operands;
}

const rule: Rule = {
  meta: { code: 'DL3062', level: 'warning', source: 'hadolint', title: 'Pin versions in go install, go get and go run' },
  check(doc, report) {
    for (const { cmd } of commandsNamed(doc, 'go')) {
      const inv = invocation(cmd.argv.slice(1), GO_BUILD_FLAGS);
      if (!subIs(inv, 'install', 'get', 'run')) continue;
      for (const w of packagesOf(inv.sub!.value!, inv.operands)) {
        if (isUnknown(w) || w.value === null || isLocal(w.value)) continue;
        const at = w.value.lastIndexOf('@');
        const version = at < 0 ? '' : w.value.slice(at + 1);
        if (version !== '' && version !== 'latest') continue;
        const name = at < 0 ? w.value : w.value.slice(0, at);
        report(spanRange(doc, w), `Pin a version in go ${inv.sub!.value} (${name}@v1.2.3)${version === 'latest' ? ' instead of @latest' : ''}: otherwise each build fetches whatever was tagged last.`);
      }
    }
  },
};
export default rule;
