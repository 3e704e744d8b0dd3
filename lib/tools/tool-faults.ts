// Tool fault injection: which faults a tool's Nth call gets, decided by a seeded PRNG so a run repeats exactly.
// The same decision is made inside the sandbox (lib/sandbox/faults-prelude.ts, a copy in plain JavaScript that the
// executor contract checks against this one) for a CodeAgent's calls, and on the host for a ToolCallingAgent's.

export const FAULT_KINDS = ['fail', 'slow', 'junk', 'inject'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** The faults one tool may get, each with the chance (0–1) that a call gets it. */
export interface ToolFaults {
  seed: number;
  /** Throws `message` instead of running the tool. */
  fail?: { rate: number; message: string };
  /** Answers `delayMs` later than the tool would. */
  slow?: { rate: number; delayMs: number };
  /** Returns a wrong-shaped value instead of running the tool. */
  junk?: { rate: number };
  /** Returns the tool's real result with `text` added: tool output is untrusted input. */
  inject?: { rate: number; text: string };
}

/** Faults by tool name. */
export type FaultSettings = Readonly<Record<string, ToolFaults>>;

/** What was done to one call: on its tool_call_end event, so the timeline can say the fault was injected. */
export type InjectedFault =
  | { kind: 'fail'; message: string }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'junk' }
  | { kind: 'inject'; text: string };

/** What junk a call gets: plausible wrong shapes a real service sends back. */
export const JUNK_VALUES: readonly unknown[] = [
  null,
  '<html><body><h1>502 Bad Gateway</h1></body></html>',
  { error: null, data: [] },
  -1,
  [],
  'undefined',
];

/** 32-bit FNV-1a over the UTF-16 code units. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** mulberry32: a tiny PRNG with a 32-bit state; each call gives a number in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FaultDecision {
  faults: InjectedFault[];
  /** Index into JUNK_VALUES when junk was chosen. */
  junk?: number;
}

/**
 * The faults of a tool's call number `index` (0-based, counted per tool over the run). One draw per kind in a fixed
 * order, so each kind's rate is its own; fail wins over junk, junk over inject; slow goes with any of them.
 */
export function decideFaults(tool: string, faults: ToolFaults, index: number): FaultDecision {
  const random = mulberry32(hash(`${faults.seed}:${tool}:${index}`));
  const draws = { fail: random(), slow: random(), junk: random(), inject: random() };
  const pick = Math.floor(random() * JUNK_VALUES.length);
  const hit = (kind: FaultKind) => {
    const rate = faults[kind]?.rate ?? 0;
    return rate > 0 && draws[kind] < rate;
  };
  const out: InjectedFault[] = [];
  if (faults.slow && hit('slow')) out.push({ kind: 'slow', delayMs: faults.slow.delayMs });
  if (faults.fail && hit('fail')) return { faults: [{ kind: 'fail', message: faults.fail.message }, ...out] };
  if (faults.junk && hit('junk')) return { faults: [{ kind: 'junk' }, ...out], junk: pick };
  if (faults.inject && hit('inject')) return { faults: [{ kind: 'inject', text: faults.inject.text }, ...out] };
  return { faults: out };
}

/** The real result with the injected text: appended to a string, a last item of a list, a `note` of an object. */
export function withInjection(result: unknown, text: string): unknown {
  if (typeof result === 'string') return `${result}\n\n${text}`;
  if (Array.isArray(result)) return [...(result as unknown[]), text];
  if (typeof result === 'object' && result !== null) return { ...(result as Record<string, unknown>), note: text };
  return `${result === undefined ? 'undefined' : JSON.stringify(result)}\n\n${text}`;
}

/** Counts each tool's calls and decides their faults: one per agent run (the call index is the run's). */
export interface FaultPlan {
  next(tool: string): FaultDecision | undefined;
}

export function createFaultPlan(settings: FaultSettings | undefined): FaultPlan {
  const counts = new Map<string, number>();
  return {
    next(tool) {
      const faults = settings && Object.hasOwn(settings, tool) ? settings[tool] : undefined;
      if (!faults) return undefined;
      const index = counts.get(tool) ?? 0;
      counts.set(tool, index + 1);
      return decideFaults(tool, faults, index);
    },
  };
}

/** True when any tool has a fault with a rate above zero. */
export function hasFaults(settings: FaultSettings | undefined): boolean {
  return Object.values(settings ?? {}).some((f) => FAULT_KINDS.some((k) => (f[k]?.rate ?? 0) > 0));
}
