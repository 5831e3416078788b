// The one place that reads options out of a parsed argv: combined short flags (`-qy`), `--flag=value`,
// options that take the next word as their value, and `--` ending the options. Rules never look at
// raw shell text; they ask this helper.
import { EXPANSION, ShellWord } from './model';

export interface OptionSpec {
  /** Options whose value is the next word when not attached (`-o X`, `--target-release X`, `-oX`). */
  withValue?: readonly string[];
  /** Options are whole words after one dash (`-ldflags x`, `-mod=mod`), as Go's tools read them. */
  singleDash?: boolean;
  /** POSIX style: options end at the first operand (`sudo -u x cmd -y`: `-y` belongs to cmd). */
  stopAtOperand?: boolean;
  /** `+o name` style options too (shells), named with their `+`. */
  plusOptions?: boolean;
}

export interface ParsedOption {
  /** With its dashes: `-y`, `--yes`. Each letter of a cluster `-qy` is its own option. */
  name: string;
  /** The value when given (literal), null when it is not literal, undefined when there is none. */
  value: string | null | undefined;
  word: ShellWord;
}

export class ParsedArgs {
  constructor(readonly options: ParsedOption[], readonly operands: ShellWord[]) {}

  has(...names: string[]): boolean {
    return this.options.some((o) => names.includes(o.name));
  }

  /** Every value given to one of these options, in order. */
  values(...names: string[]): (string | null)[] {
    return this.options.filter((o) => names.includes(o.name) && o.value !== undefined).map((o) => o.value as string | null);
  }

  /** Operands whose literal value is known, as strings; unknown ones are skipped. */
  literalOperands(): string[] {
    return this.operands.flatMap((w) => (w.value === null ? [] : [w.value]));
  }
}

function nonLiteral(s: string): boolean {
  return s.includes(EXPANSION);
}

export function parseArgs(words: readonly ShellWord[], spec: OptionSpec = {}): ParsedArgs {
  const takesValue = new Set(spec.withValue ?? []);
  const options: ParsedOption[] = [];
  const operands: ShellWord[] = [];
  let endOfOptions = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const s = word.shape;
    const nextValue = (): string | null | undefined => {
      const next = words[i + 1];
      if (!next) return undefined;
      i++;
      return next.value;
    };
    const plus = spec.plusOptions === true && s[0] === '+';
    if (endOfOptions || s.length < 2 || (s[0] !== '-' && !plus) || s[1] === EXPANSION) {
      operands.push(word);
      if (spec.stopAtOperand) endOfOptions = true;
      continue;
    }
    if (s === '--') {
      endOfOptions = true;
      continue;
    }
    if (!plus && (s.startsWith('--') || spec.singleDash)) {
      const eq = s.indexOf('=');
      const name = eq < 0 ? s : s.slice(0, eq);
      let value: string | null | undefined;
      if (eq >= 0) value = nonLiteral(s.slice(eq + 1)) ? null : s.slice(eq + 1);
      else if (takesValue.has(name)) value = nextValue();
      options.push({ name, value, word });
      continue;
    }
    for (let k = 1; k < s.length; k++) {
      if (s[k] === EXPANSION) break;
      const name = s[0] + s[k];
      if (takesValue.has(name)) {
        const rest = s.slice(k + 1);
        const value = rest ? (nonLiteral(rest) ? null : rest) : nextValue();
        options.push({ name, value, word });
        break;
      }
      options.push({ name, value: undefined, word });
    }
  }
  return new ParsedArgs(options, operands);
}
