// Reading a playground document from anywhere (file, link, storage): validate, and name every bad field.
import type { z } from 'zod';
import { playgroundSchema, type Playground } from './schema';

export const CURRENT_VERSION = 1;

export interface FieldProblem {
  /** e.g. `agent.maxSteps` or `model.responses[2].toolCalls[0].name`; empty for the document itself. */
  path: string;
  message: string;
}

export type ParseResult = { ok: true; playground: Playground } | { ok: false; problems: FieldProblem[] };

export function parsePlayground(input: unknown): ParseResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, problems: [{ path: '', message: 'a playground must be a JSON object' }] };
  }
  const version = (input as { version?: unknown }).version;
  if (version === undefined) {
    return { ok: false, problems: [{ path: 'version', message: `missing: this format needs "version": ${CURRENT_VERSION}` }] };
  }
  if (typeof version === 'number' && version > CURRENT_VERSION) {
    return {
      ok: false,
      problems: [{ path: 'version', message: `version ${version} is newer than this app understands (${CURRENT_VERSION}): update the app` }],
    };
  }
  const result = playgroundSchema.safeParse(input);
  if (result.success) return { ok: true, playground: result.data };
  return { ok: false, problems: result.error.issues.flatMap((issue) => toProblems(issue, [])) };
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

function toProblems(issue: z.core.$ZodIssue, prefix: readonly PropertyKey[]): FieldProblem[] {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    // Report the branch the value was meant for: the one that got furthest (its issues are not a type mismatch at its root).
    const branches = issue.errors.filter((branch) => !branch.every((i) => i.code === 'invalid_type' && i.path.length === 0));
    const best = branches.sort((a, b) => a.length - b.length)[0];
    if (best) return best.flatMap((i) => toProblems(i, path));
  }
  return [toProblem({ ...issue, path } as z.core.$ZodIssue)];
}

function toProblem(issue: z.core.$ZodIssue): FieldProblem {
  if (issue.code === 'unrecognized_keys') {
    const base = formatPath(issue.path);
    const keys = issue.keys.map((k) => (base ? `${base}.${k}` : k));
    return unknownFieldProblem(keys.join(', '), issue.keys);
  }
  return { path: formatPath(issue.path), message: plainMessage(issue.message) };
}

/** Fields with these words in their name look like secrets: refused as such, wherever a playground travels. */
const SECRET_SHAPED = /key|token|secret|password|authorization/i;

/** The problem of unknown fields `keys` at `path`; secret-shaped names get the message that keys never travel. */
export function unknownFieldProblem(path: string, keys: readonly string[]): FieldProblem {
  return {
    path,
    message: keys.some((k) => SECRET_SHAPED.test(k))
      ? 'unknown field; secrets such as API keys never belong in a playground (enter them in the app’s settings)'
      : 'unknown field',
  };
}

/** zod's "expected string, received undefined" says, to a person, that the field is missing. */
export function plainMessage(message: string): string {
  return message.replace(/^Invalid input: expected (\w+), received undefined$/, (_, type: string) => `missing (should be ${type === 'record' ? 'an object' : /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`})`);
}

export function formatProblems(problems: readonly FieldProblem[]): string {
  return problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('\n');
}

/** Parses JSON text, turning a JSON syntax error into a problem too. */
export function parsePlaygroundJson(text: string): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [{ path: '', message: `not valid JSON: ${(error as Error).message}` }] };
  }
  return parsePlayground(data);
}
