// dockerfile-ast recomputes an instruction's argument list on every getArguments() call, and the
// validator and our rules ask for it many times per instruction: that was the largest single cost
// of a lint. Parsed instructions never change, so the raw argument list is computed once per
// instruction and each caller gets its own shallow copy (callers such as
// ModifiableInstruction.getArguments shift() flags off the array they receive).
import { Instruction } from 'dockerfile-ast';

type WithMemo = { __lsRawArgs?: unknown[]; getRawArguments(): unknown[] };

let installed = false;

/** Installs the memo once (idempotent). */
export function installArgumentMemo(): void {
  if (installed) return;
  installed = true;
  const proto = Instruction.prototype as unknown as WithMemo;
  const original = proto.getRawArguments;
  if (typeof original !== 'function') return; // a dockerfile-ast without this method: nothing to speed up
  proto.getRawArguments = function (this: WithMemo) {
    return (this.__lsRawArgs ??= original.call(this)).slice();
  };
}
