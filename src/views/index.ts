// Placeholder: replaced by the explorer owner.
import type { Ctx } from '../ctx';
export function registerViews(_ctx: Ctx): void {}
