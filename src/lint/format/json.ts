// hadolint's JSON shape, so tools that read hadolint's output read ours:
// [{"code","column","file","level","line","message"}], 1-based line and column. Measured findings
// (LS2xxx) add "bytes" (integer), "paths" (image paths) and "layer" (rootfs index).
import { FileResult, measuredFields, rows } from './common';

export function formatJson(results: FileResult[]): string {
  return JSON.stringify(rows(results).map(({ file, line, column, f }) => ({
    code: f.code, column, file, level: f.level, line, message: f.message, ...measuredFields(f),
  })));
}
