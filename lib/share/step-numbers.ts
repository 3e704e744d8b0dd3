// Which step of a run a link or a person names, and why it isn't one, in words a person can act on.

/** Why `step` can't be shown on a run with these step numbers (`undefined`: it can, or, while `live`, it may still come). */
export function missingStepProblem(step: number, stepNumbers: readonly number[], live: boolean): string | undefined {
  if (stepNumbers.includes(step) || live) return undefined;
  if (stepNumbers.length === 0) return `Step ${step} was asked for, but no run is on screen. Run the playground, or open a run from Runs, then follow the link again.`;
  return `This run has no step ${step}: ${describeSteps(stepNumbers)}.`;
}

/** The step typed into a field (empty: none), or what is wrong with it. */
export function chooseStep(text: string, stepNumbers: readonly number[]): { step?: number; problem?: string } {
  const value = text.trim();
  if (!value) return {};
  if (!/^\d{1,6}$/.test(value)) return { problem: 'A step is a whole number, such as 3.' };
  const step = Number(value);
  if (!stepNumbers.includes(step)) return { problem: stepNumbers.length ? `This run has no step ${step}: ${describeSteps(stepNumbers)}.` : 'This run has no steps yet.' };
  return { step };
}

function describeSteps(stepNumbers: readonly number[]): string {
  const first = Math.min(...stepNumbers);
  const last = Math.max(...stepNumbers);
  return first === last ? `its only step is ${first}` : `its steps are ${first} to ${last}`;
}
