// Sandbox errors that name what was called: QuickJS says only "not a function", so the callee is read from the code
// that ran (at the error's line and column); V8 names it itself. Either way a close tool name is suggested.
import { parse, type Node as AcornNode } from 'acorn';
import { simple } from 'acorn-walk';
import { closestName } from './did-you-mean';

export interface EngineError {
  type: string;
  message: string;
  /** The engine's stack, whose frames read `snippet.js:<line>:<column>`. */
  stack: string;
}

const SNIPPET_FRAME = /snippet\.js:(\d+):(\d+)/;

/**
 * The error's message with the callee named where the engine left it out, and " (did you mean get_forecast?)" when the
 * name called or referenced is close to one of `known` (the tools, final_answer …).
 * `code` is the code the engine ran as snippet.js (after rewriting), so line and column point into it.
 */
export function nameCallee(error: EngineError, code: string, known: readonly string[]): string {
  const { message } = error;
  // V8: "get_forcast is not defined"; QuickJS: "'get_forcast' is not defined".
  const undefinedName = /^'?([A-Za-z_$][\w$]*)'? is not defined$/.exec(message)?.[1];
  if (error.type === 'ReferenceError' && undefinedName) return withSuggestion(message, undefinedName, known);
  // V8: "w.get_forecast is not a function", "(intermediate value).x is not a function" …
  const v8Callee = /^([A-Za-z_$][\w$.]*) is not a (function|constructor)\b/.exec(message)?.[1];
  if (error.type === 'TypeError' && v8Callee) return withSuggestion(message, lastSegment(v8Callee), known, v8Callee);
  const bare = /^not a (function|constructor)$/.exec(message)?.[1];
  if (error.type !== 'TypeError' || !bare) return message;
  const callee = calleeAt(code, firstFrame(error.stack));
  if (!callee) return message;
  return withSuggestion(`${callee.text} is not a ${bare}`, callee.name, known, callee.text);
}

function withSuggestion(message: string, name: string | undefined, known: readonly string[], calleeText?: string): string {
  if (name === undefined) return message;
  // `tools.get_forecast(…)`: the name is right, but tools are globals, not properties of anything.
  if (known.includes(name) && calleeText !== undefined && calleeText !== name) return `${message} (did you mean ${name}(…)? Tools are called by their name alone)`;
  const meant = closestName(name, known);
  return meant ? `${message} (did you mean ${meant}?)` : message;
}

function lastSegment(path: string): string | undefined {
  const last = path.split('.').pop();
  return last && /^[A-Za-z_$][\w$]*$/.test(last) ? last : undefined;
}

/** Line and column of the innermost frame, only when that frame is in the snippet (not in a tool or the prelude). */
function firstFrame(stack: string): { line: number; column: number } | undefined {
  const first = stack.split('\n').find((l) => /\bat\b/.test(l));
  const match = first ? SNIPPET_FRAME.exec(first) : null;
  return match ? { line: Number(match[1]), column: Number(match[2]) } : undefined;
}

type Any = AcornNode & Record<string, unknown>;

/** The call at a 1-based line and column: its callee's source text and, for a name or a property, that name. */
export function calleeAt(code: string, at: { line: number; column: number } | undefined): { text: string; name?: string } | undefined {
  if (!at) return undefined;
  const pos = offsetOf(code, at.line, at.column - 1);
  if (pos === undefined) return undefined;
  let program: AcornNode;
  try {
    program = parse(code, { ecmaVersion: 'latest', sourceType: 'script', allowAwaitOutsideFunction: true, allowReturnOutsideFunction: true });
  } catch {
    return undefined;
  }
  let best: Any | undefined;
  const visit = (node: AcornNode) => {
    const n = node as Any;
    const callee = n.callee as Any;
    // The engine points at the call's "(" (QuickJS), or into the callee; never into the arguments.
    if (pos < callee.start || pos > n.end || !/^[\s?.)]*$/.test(code.slice(callee.end, Math.max(callee.end, pos)))) return;
    if (!best || n.end - n.start < best.end - best.start) best = n;
  };
  simple(program, { CallExpression: visit, NewExpression: visit });
  if (!best) return undefined;
  const callee = best.callee as Any;
  const text = code.slice(callee.start, callee.end).replace(/\s+/g, ' ');
  const plain = (callee.type === 'Identifier' || callee.type === 'MemberExpression') && text.length <= 80;
  const name = callee.type === 'Identifier' ? (callee.name as string) : callee.type === 'MemberExpression' && !callee.computed ? ((callee.property as Any).name as string | undefined) : undefined;
  return { text: plain ? text : 'the called value', ...(name ? { name } : {}) };
}

function offsetOf(code: string, line: number, column: number): number | undefined {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = code.indexOf('\n', offset);
    if (next < 0) return undefined;
    offset = next + 1;
  }
  const pos = offset + column;
  return pos <= code.length ? pos : undefined;
}
