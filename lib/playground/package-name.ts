// The name of an npm package from the spec a playground lists in sandbox.packages.

/** `lodash@4` → `lodash`, `@scope/name@^1` → `@scope/name`. */
export function packageName(spec: string): string {
  const at = spec.indexOf('@', 1);
  return at < 0 ? spec : spec.slice(0, at);
}
