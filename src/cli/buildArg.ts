// `--build-arg NAME=VALUE`, shared by `lint --image` and `analyze --dockerfile`.
export function parseBuildArg(value: string): [string, string] {
  const eq = value.indexOf('=');
  if (eq <= 0) throw new Error(`--build-arg needs NAME=VALUE, got '${value}'`);
  return [value.slice(0, eq), value.slice(eq + 1)];
}
