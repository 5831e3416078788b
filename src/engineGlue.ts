// Placeholder: replaced by the Engine-layer owner (connection resolution + monitoring).
import type { Ctx } from './ctx';
import type { Engine } from './docker/engine';
export function connectEngine(): Engine { throw new Error('not yet'); }
export function watchEngine(_ctx: Ctx): void {}
