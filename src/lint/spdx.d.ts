// Types for spdx-expression-parse (throws on an expression that is not valid SPDX).
declare module 'spdx-expression-parse' {
  function parse(expression: string): unknown;
  export = parse;
}
declare module 'spdx-license-ids' {
  const ids: string[];
  export = ids;
}
