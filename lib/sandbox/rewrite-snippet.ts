// Rewrites a model's snippet so that it runs as one async function while its top-level declarations live on
// in the session's global scope (as a notebook's do). Every line stays on its line, so error lines map 1:1.
import { parse, type Node as AcornNode } from 'acorn';
import { ancestor } from 'acorn-walk';
import type { SandboxError } from './types';

export interface RewrittenSnippet {
  /** An expression statement evaluating to a Promise of the snippet's last expression value. */
  code: string;
  /** Names the snippet declares at the top level (they persist into later steps). */
  declared: string[];
}

export class SnippetError extends Error {
  constructor(readonly error: SandboxError) {
    super(error.message);
  }
}

interface Edit {
  at: number;
  end: number;
  text: string;
}

type Any = AcornNode & Record<string, unknown>;
type Pattern = Any;

export function rewriteSnippet(source: string): RewrittenSnippet {
  let program: Any;
  try {
    program = parse(source, {
      ecmaVersion: 'latest',
      sourceType: 'script',
      allowAwaitOutsideFunction: true,
      locations: true,
    }) as unknown as Any;
  } catch (error) {
    const e = error as SyntaxError & { loc?: { line: number } };
    const message = e.message.replace(/\s*\(\d+:\d+\)$/, '');
    if (/'import' and 'export' may appear only/.test(message)) {
      throw new SnippetError({ type: 'ImportError', message: IMPORTS_UNAVAILABLE, line: e.loc?.line });
    }
    throw new SnippetError({ type: 'SyntaxError', message, line: e.loc?.line });
  }

  const edits: Edit[] = [];
  const declared = new Set<string>();
  const functions: string[] = [];
  const text = (n: Any) => source.slice(n.start, n.end);
  const body = program.body as Any[];

  for (const stmt of body) {
    if (stmt.type === 'VariableDeclaration') {
      rewriteDeclaration(stmt, 'statement');
    } else if (stmt.type === 'FunctionDeclaration') {
      const name = (stmt.id as Any).name as string;
      declared.add(name);
      functions.push(name);
    } else if (stmt.type === 'ClassDeclaration') {
      const name = (stmt.id as Any).name as string;
      declared.add(name);
      edits.push({ at: stmt.start, end: stmt.start, text: `;${name} = ` }, { at: stmt.end, end: stmt.end, text: ';' });
    }
  }

  // `var` anywhere outside a function belongs to the session too (for loops, if blocks …).
  ancestor(program as never, {
    VariableDeclaration(node: unknown, _state: unknown, ancestors: unknown[]) {
      const n = node as Any;
      if (n.kind !== 'var') return;
      const parents = ancestors.slice(0, -1) as Any[];
      if (parents.length <= 1) return; // top level, handled above
      if (parents.some((p) => /Function/.test(p.type as string))) return;
      const parent = parents[parents.length - 1]!;
      const inForHead = (parent.type === 'ForInStatement' || parent.type === 'ForOfStatement') && parent.left === n;
      const inForInit = parent.type === 'ForStatement' && parent.init === n;
      rewriteDeclaration(n, inForHead ? 'for-in-of' : inForInit ? 'for-init' : 'statement');
    },
    ImportExpression(node: unknown) {
      throw new SnippetError({ type: 'ImportError', message: IMPORTS_UNAVAILABLE, line: (node as Any).loc ? ((node as Any).loc as { start: { line: number } }).start.line : undefined });
    },
  });

  const last = body[body.length - 1];
  if (last && last.type === 'ExpressionStatement' && !last.directive) {
    // From the statement's start (it may begin with a parenthesis) to before its semicolon, if it has one.
    const end = source[last.end - 1] === ';' ? last.end - 1 : last.end;
    edits.push({ at: last.start, end: last.start, text: 'return (' }, { at: end, end, text: ')' });
  }

  function rewriteDeclaration(decl: Any, position: 'statement' | 'for-init' | 'for-in-of') {
    const kind = decl.kind as string;
    const declarators = decl.declarations as Any[];
    for (const d of declarators) for (const name of patternNames(d.id as Pattern)) declared.add(name);
    const keywordEnd = decl.start + kind.length;
    if (position === 'for-in-of') {
      edits.push({ at: decl.start, end: keywordEnd, text: '' });
      return;
    }
    edits.push({ at: decl.start, end: keywordEnd, text: position === 'statement' ? ';' : '' });
    for (const d of declarators) {
      const id = d.id as Any;
      if (d.init) {
        edits.push({ at: d.start, end: d.start, text: '(' }, { at: d.end, end: d.end, text: ')' });
      } else if (kind === 'var') {
        // `var x;` must not reset a value from an earlier step.
        edits.push({ at: d.start, end: d.end, text: 'void 0' });
      } else {
        edits.push({ at: d.start, end: d.start, text: '(' }, { at: d.end, end: d.end, text: ` = undefined)` });
      }
      void id;
    }
  }

  edits.sort((a, b) => b.at - a.at || b.end - a.end);
  let code = source;
  for (const e of edits) code = code.slice(0, e.at) + e.text + code.slice(e.end);

  const names = JSON.stringify([...declared]);
  const prefix =
    `(async () => { for (const __apName of ${names}) if (!(__apName in globalThis)) globalThis[__apName] = undefined; ` +
    functions.map((f) => `globalThis.${f} = ${f}; `).join('');
  void text;
  return { code: `${prefix}${code}\n})()`, declared: [...declared] };
}

export const IMPORTS_UNAVAILABLE =
  'imports are not available in this sandbox: use the tools and plain JavaScript (no modules, no require, no import())';

function patternNames(p: Pattern): string[] {
  switch (p.type) {
    case 'Identifier':
      return [p.name as string];
    case 'ObjectPattern':
      return (p.properties as Any[]).flatMap((prop) => patternNames((prop.type === 'RestElement' ? prop.argument : prop.value) as Pattern));
    case 'ArrayPattern':
      return (p.elements as (Any | null)[]).flatMap((el) => (el ? patternNames(el) : []));
    case 'RestElement':
      return patternNames(p.argument as Pattern);
    case 'AssignmentPattern':
      return patternNames(p.left as Pattern);
    default:
      return [];
  }
}
