// The address's hash as `&`-separated parts: `share=2.<data>` (a shared playground) and `step=N` (a step of the run
// on screen, or of the link's run). Base64url never holds `&`, so the share data splits off cleanly.
export const SHARE_PARAM = 'share';
export const STEP_PARAM = 'step';
/** More steps than any run holds (max steps is capped far below); bigger numbers are typos. */
const MAX_STEP = 100_000;

export interface HashParts {
  /** The value after `share=` (version and data), when the hash holds one. */
  share?: string;
  /** The step the hash names, when it names one that can exist. */
  step?: number;
  /** Why the `step=` part names no step (shown to the person; the rest of the link still opens). */
  stepProblem?: string;
}

export function readHash(hash: string): HashParts {
  const parts: HashParts = {};
  for (const part of hash.replace(/^#/, '').split('&')) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    if (key === SHARE_PARAM && parts.share === undefined) parts.share = value;
    else if (key === STEP_PARAM && parts.step === undefined && parts.stepProblem === undefined) Object.assign(parts, readStep(value));
  }
  return parts;
}

function readStep(raw: string): Pick<HashParts, 'step' | 'stepProblem'> {
  const value = safeDecode(raw).trim();
  if (/^\d{1,6}$/.test(value)) {
    const step = Number(value);
    if (step >= 1 && step <= MAX_STEP) return { step };
  }
  const shown = value.length > 20 ? `${value.slice(0, 20)}…` : value;
  return { stepProblem: `The link names step “${shown}”, which is not a step number (steps are counted from 1).` };
}

/** The hash part naming a step: `step=3` (after a share part: `share=…&step=3`). */
export function stepHash(step: number): string {
  return `${STEP_PARAM}=${step}`;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
