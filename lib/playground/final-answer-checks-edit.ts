// The final-answer checks as the Agent settings show and edit them: every function of the tools source with whether
// it checks the final answer, and the checks that name a function the source no longer has (kept until removed,
// never dropped silently: a run refuses to start with them).

export interface FinalAnswerCheckRow {
  name: string;
  checked: boolean;
  /** The document names this check, but the tools source has no function of that name. */
  missing: boolean;
}

/** The source's functions in source order, then the checks the source no longer has, in the document's order. */
export function finalAnswerCheckRows(functionNames: readonly string[], checks: readonly string[]): FinalAnswerCheckRow[] {
  const present = new Set(functionNames);
  return [
    ...unique(functionNames).map((name) => ({ name, checked: checks.includes(name), missing: false })),
    ...unique(checks.filter((name) => !present.has(name))).map((name) => ({ name, checked: true, missing: true })),
  ];
}

/**
 * The checks with `name` ticked or unticked. The checks run in the list's order (the first rejection is the one the
 * model sees), so the ones already there keep their order; a new one goes where the source order puts it among them.
 */
export function setFinalAnswerCheck(checks: readonly string[], functionNames: readonly string[], name: string, on: boolean): string[] {
  if (!on) return checks.filter((n) => n !== name);
  if (checks.includes(name)) return [...checks];
  const at = functionNames.indexOf(name);
  const before = checks.findIndex((n) => {
    const i = functionNames.indexOf(n);
    return at >= 0 && i > at;
  });
  return before < 0 ? [...checks, name] : [...checks.slice(0, before), name, ...checks.slice(before)];
}

function unique(names: readonly string[]): string[] {
  return [...new Set(names)];
}
