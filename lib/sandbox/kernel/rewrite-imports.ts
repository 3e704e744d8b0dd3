// When a playground allows packages, the kernel gives the model's code a `require` for them (CommonJS packages,
// loaded inside the session). This turns the snippet's `import` statements and `import()` calls into that
// `require`, keeping every line on its line, before rewriteSnippet sees it. Which packages may load is decided by
// the kernel, not here.
import { parse, type Node as AcornNode } from 'acorn';
import { simple } from 'acorn-walk';
import { SnippetError } from '../rewrite-snippet';

type Any = AcornNode & Record<string, unknown>;

interface Edit {
  at: number;
  end: number;
  text: string;
}

const PARSE_OPTIONS = { ecmaVersion: 'latest', allowAwaitOutsideFunction: true, locations: true } as const;

/** Rewrites imports into `require` calls. Code it can't parse is returned as is (rewriteSnippet reports the error). */
export function rewriteImports(source: string): string {
  let program: Any;
  try {
    program = parse(source, { ...PARSE_OPTIONS, sourceType: 'script' }) as unknown as Any;
  } catch (error) {
    if (!/'import' and 'export' may appear only/.test((error as Error).message)) return source;
    try {
      program = parse(source, { ...PARSE_OPTIONS, sourceType: 'module' }) as unknown as Any;
    } catch {
      return source;
    }
  }
  const edits: Edit[] = [];
  const text = (n: Any) => source.slice(n.start, n.end);
  for (const stmt of program.body as Any[]) {
    if (stmt.type === 'ImportDeclaration') {
      edits.push({ at: stmt.start, end: stmt.end, text: keepLines(text(stmt), importToRequire(stmt, text)) });
    } else if (/^Export/.test(stmt.type as string)) {
      const line = (stmt.loc as { start: { line: number } } | undefined)?.start.line;
      throw new SnippetError({ type: 'SyntaxError', message: 'export is not available in a snippet: declare the value, it stays in the session', ...(line ? { line } : {}) });
    }
  }
  simple(program as never, {
    ImportExpression(node: unknown) {
      const n = node as Any;
      edits.push({ at: n.start, end: n.start + 'import'.length, text: 'require.import' });
    },
  });
  edits.sort((a, b) => b.at - a.at);
  let code = source;
  for (const e of edits) code = code.slice(0, e.at) + e.text + code.slice(e.end);
  return code;
}

function importToRequire(stmt: Any, text: (n: Any) => string): string {
  const from = text(stmt.source as Any);
  const specifiers = stmt.specifiers as Any[];
  if (specifiers.length === 0) return `require(${from});`;
  const parts: string[] = [];
  const named: string[] = [];
  for (const s of specifiers) {
    const local = (s.local as Any).name as string;
    if (s.type === 'ImportDefaultSpecifier') parts.push(`${local} = require.default(${from})`);
    else if (s.type === 'ImportNamespaceSpecifier') parts.push(`${local} = require.namespace(${from})`);
    else {
      const imported = s.imported as Any;
      const name = imported.type === 'Literal' ? JSON.stringify(imported.value) : (imported.name as string);
      named.push(name === local ? local : `${name}: ${local}`);
    }
  }
  if (named.length > 0) parts.push(`{ ${named.join(', ')} } = require(${from})`);
  return `const ${parts.join(', ')};`;
}

/** The replacement, followed by as many line breaks as the original text had, so later lines keep their numbers. */
function keepLines(original: string, replacement: string): string {
  const breaks = original.split('\n').length - 1;
  return replacement + '\n'.repeat(breaks);
}
