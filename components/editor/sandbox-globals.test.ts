import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { SANDBOX_GLOBALS_DTS, SANDBOX_GLOBALS_URI } from './sandbox-globals';

const GLOBALS_FILE = '/sandbox-globals.d.ts';
const TOOLS_FILE = '/tools.ts';

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ESNext,
  module: ts.ModuleKind.ESNext,
  strict: true,
  noEmit: true,
  lib: ['lib.esnext.d.ts'],
  types: [],
};

/** Type-checks a tools source against the sandbox declarations, the way the editor does (ESNext, no DOM). */
function check(tools: string) {
  const files = new Map([
    [GLOBALS_FILE, SANDBOX_GLOBALS_DTS],
    [TOOLS_FILE, tools],
  ]);
  const host = ts.createCompilerHost(OPTIONS, true);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (fileName, languageVersion, ...rest) => {
    const text = files.get(fileName);
    return text !== undefined ? ts.createSourceFile(fileName, text, languageVersion, true) : getSourceFile(fileName, languageVersion, ...rest);
  };
  host.fileExists = (fileName) => files.has(fileName) || fileExists(fileName);
  host.readFile = (fileName) => files.get(fileName) ?? readFile(fileName);
  const program = ts.createProgram([GLOBALS_FILE, TOOLS_FILE], OPTIONS, host);
  const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ({
    file: d.file?.fileName,
    message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  }));
  return { program, diagnostics };
}

function globalSymbol(program: ts.Program, name: string) {
  const checker = program.getTypeChecker();
  const sf = program.getSourceFile(TOOLS_FILE)!;
  return checker.getSymbolsInScope(sf, ts.SymbolFlags.Value).find((s) => s.name === name);
}

describe('sandbox globals declarations', () => {
  it('is a global declaration file with a file: URI', () => {
    expect(SANDBOX_GLOBALS_URI).toMatch(/^file:\/\/\/.+\.d\.ts$/);
    const sf = ts.createSourceFile('globals.d.ts', SANDBOX_GLOBALS_DTS, ts.ScriptTarget.ESNext, true);
    expect(ts.isExternalModule(sf)).toBe(false);
  });

  it('type-checks on its own, without DOM or Node typings', () => {
    expect(check('export {};\n').diagnostics).toEqual([]);
  });

  it('declares final_answer, console, fetch and the timers as globals', () => {
    const { program } = check('export {};\n');
    const checker = program.getTypeChecker();
    for (const name of ['final_answer', 'console', 'fetch', 'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval']) {
      expect(globalSymbol(program, name), name).toBeDefined();
    }
    const finalAnswer = globalSymbol(program, 'final_answer')!;
    const signature = checker.getSignaturesOfType(checker.getTypeOfSymbol(finalAnswer), ts.SignatureKind.Call)[0]!;
    expect(checker.typeToString(checker.getReturnTypeOfSignature(signature))).toBe('never');
    expect(ts.displayPartsToString(finalAnswer.getDocumentationComment(checker))).toBe('Ends the run with this answer.');

    const fetchSymbol = globalSymbol(program, 'fetch')!;
    expect(ts.displayPartsToString(fetchSymbol.getDocumentationComment(checker))).toMatch(/network access/);

    const consoleType = checker.getTypeOfSymbol(globalSymbol(program, 'console')!);
    expect(consoleType.getProperties().map((p) => p.name).sort()).toEqual(['debug', 'error', 'info', 'log', 'warn']);
  });

  it('accepts a typical tools source', () => {
    const tools = `
/** Current weather for a city. */
export async function weather(city: string): Promise<{ temperature: number }> {
  console.log('looking up', city, { at: 1 });
  console.debug();
  await new Promise((resolve) => setTimeout(resolve, 5));
  const id = setInterval((n: number) => console.info(n), 10, 1);
  clearInterval(id);
  clearTimeout(setTimeout(() => {}));
  const response = await fetch('https://api.example.com/weather?city=' + encodeURIComponent(city), {
    method: 'POST',
    headers: { accept: 'application/json' },
    body: JSON.stringify({ city }),
  });
  if (!response.ok) throw new Error(response.status + ' ' + response.statusText + ' ' + response.headers.get('x-error'));
  const data = (await response.json()) as { temperature: number };
  if (data.temperature > 100) final_answer({ city, hot: true });
  return data;
}
`;
    expect(check(tools).diagnostics).toEqual([]);
  });

  it('rejects what the sandbox does not have', () => {
    const messages = check(`
export function broken() {
  document.title = 'x';
  new URL('https://example.com');
  final_answer();
  console.table([]);
}
`).diagnostics.map((d) => d.message);
    expect(messages).toHaveLength(4);
    expect(messages.join('\n')).toMatch(/document/);
    expect(messages.join('\n')).toMatch(/URL/);
    expect(messages.join('\n')).toMatch(/table/);
  });

  it('knows that code after final_answer is unreachable', () => {
    const { diagnostics } = check(`
export function done(): number {
  final_answer(1);
}
`);
    expect(diagnostics).toEqual([]);
  });
});
