// The shape limits every document from outside (share link, imported file) must keep before it is parsed or stored.
// The checks read the JSON text in one loop with counters, never recursion: a document nested 200,000 deep must
// not overflow the stack of the very check that refuses it (JSON.parse and JSON.stringify may).

export const STRUCTURAL_LIMITS = {
  /** Objects and arrays inside each other; a playground or a trace needs about ten. */
  maxDepth: 64,
  /** Items in any one list (responses, tool calls, events …). */
  maxArrayLength: 10_000,
  /** The JSON text, in bytes (UTF-8) once unpacked. */
  maxJsonBytes: 2 * 1024 * 1024,
} as const;

export type StructuralLimits = { [K in keyof typeof STRUCTURAL_LIMITS]: number };

export type LimitProblem =
  | { limit: 'depth'; depth: number; max: number }
  | { limit: 'array'; length: number; max: number }
  | { limit: 'size'; bytes: number; max: number };

/**
 * The first limit `text` (JSON, not yet parsed) breaks, if any: its size, then its nesting depth, then its longest
 * list. Strings are skipped over, so brackets inside them do not count. Broken JSON is left for JSON.parse to report.
 */
export function checkJsonText(text: string, limits: StructuralLimits = STRUCTURAL_LIMITS): LimitProblem | undefined {
  // A character is at most 3 UTF-8 bytes (a surrogate pair, 2 characters, is 4): length * 3 bounds the size cheaply.
  if (text.length * 3 > limits.maxJsonBytes) {
    const bytes = utf8Length(text);
    if (bytes > limits.maxJsonBytes) return { limit: 'size', bytes, max: limits.maxJsonBytes };
  }
  const { maxDepth, longestArray } = measureJson(text);
  if (maxDepth > limits.maxDepth) return { limit: 'depth', depth: maxDepth, max: limits.maxDepth };
  if (longestArray > limits.maxArrayLength) return { limit: 'array', length: longestArray, max: limits.maxArrayLength };
  return undefined;
}

/** How deep the JSON text nests and how long its longest array is, in one pass with an explicit stack. */
export function measureJson(text: string): { maxDepth: number; longestArray: number } {
  // counts[d]: items so far in the array open at depth d (-1 for an object); `fresh`: an array just opened, no item yet.
  const counts: number[] = [];
  let depth = 0;
  let maxDepth = 0;
  let longestArray = 0;
  let fresh = false;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
    if (fresh) {
      fresh = false;
      if (c !== 0x5d) counts[depth - 1] = 1;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      counts[depth] = c === 0x5b ? 0 : -1;
      depth++;
      if (depth > maxDepth) maxDepth = depth;
      fresh = c === 0x5b;
    } else if (c === 0x7d || c === 0x5d) {
      if (depth > 0) {
        depth--;
        const n = counts[depth]!;
        if (n > longestArray) longestArray = n;
      }
    } else if (c === 0x2c && depth > 0 && counts[depth - 1]! >= 0) {
      counts[depth - 1]!++;
    }
  }
  // Arrays never closed (a cut document) still count.
  for (let d = 0; d < depth; d++) if (counts[d]! > longestArray) longestArray = counts[d]!;
  return { maxDepth, longestArray };
}

export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Where the document came from, for the message: "This link's playground" … "links". */
export interface LimitWording {
  subject: string;
  plural: string;
}

export function describeLimitProblem(problem: LimitProblem, { subject, plural }: LimitWording): string {
  const n = (x: number) => x.toLocaleString('en-US');
  switch (problem.limit) {
    case 'depth':
      return `${subject} nests ${n(problem.depth)} levels deep; ${plural} may nest at most ${n(problem.max)}.`;
    case 'array':
      return `${subject} has a list of ${n(problem.length)} items; ${plural} may hold at most ${n(problem.max)} items in a list.`;
    case 'size':
      return `${subject} is ${problem.bytes > problem.max ? `more than ${megabytes(problem.max)}` : megabytes(problem.bytes)} of data; ${plural} may hold at most ${megabytes(problem.max)}.`;
  }
}

function megabytes(bytes: number): string {
  return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
}

/** Parses JSON text from outside once it keeps every limit; never throws. */
export function parseJsonWithinLimits(
  text: string,
  wording: LimitWording,
  limits: StructuralLimits = STRUCTURAL_LIMITS,
): { ok: true; json: unknown } | { ok: false; message: string; problem?: LimitProblem } {
  const problem = checkJsonText(text, limits);
  if (problem) return { ok: false, message: describeLimitProblem(problem, wording), problem };
  try {
    return { ok: true, json: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: `it is not valid JSON (${error instanceof Error ? error.message : String(error)}).` };
  }
}
