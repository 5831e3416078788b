// dockerfile-ast recomputes an instruction's arguments, variables, argument ranges and heredocs on
// every call, and the validator and our rules ask for them many times per instruction: together
// the largest cost of a lint. Parsed instructions never change, so each of these list-returning,
// argument-less methods is computed once per instruction and every caller gets its own shallow copy
// (callers such as ModifiableInstruction.getArguments shift() flags off the array they receive, and
// Label.getVariables splices it).
import { Instruction, PropertyInstruction } from 'dockerfile-ast';

type Proto = Record<string, unknown>;

let installed = false;

function memoise(proto: Proto, method: string): void {
  const original = proto[method];
  if (typeof original !== 'function') return; // another dockerfile-ast version: nothing to speed up
  const slot = Symbol(`layerscope.memo.${method}`);
  proto[method] = function (this: Record<symbol, unknown[]>, ...args: unknown[]) {
    if (args.length > 0) return (original as (...a: unknown[]) => unknown).apply(this, args);
    return (this[slot] ??= (original as () => unknown[]).call(this)).slice();
  };
}

/** Installs the memos once (idempotent). */
export function installArgumentMemo(): void {
  if (installed) return;
  installed = true;
  const ins = Instruction.prototype as unknown as Proto;
  for (const m of ['getRawArguments', 'getVariables', 'getArgumentsRanges', 'getHeredocs']) memoise(ins, m);
  memoise(PropertyInstruction.prototype as unknown as Proto, 'getPropertyArguments');
}
