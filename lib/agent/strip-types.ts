// Turns a ```ts snippet into JavaScript for the sandbox, and maps error lines back to the snippet the model wrote.
import ts from 'typescript';

export interface StrippedCode {
  js: string;
  /** Line in the JavaScript (1-based) → line in the TypeScript (1-based). */
  mapLine: (jsLine: number) => number;
  /** Syntax errors of the TypeScript, with their lines. */
  errors: { message: string; line: number }[];
}

export function stripTypes(source: string): StrippedCode {
  const out = ts.transpileModule(source, {
    reportDiagnostics: true,
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      sourceMap: true,
      removeComments: false,
      // A snippet is a script: keep top-level await and don't add "export {}".
      moduleDetection: ts.ModuleDetectionKind.Legacy,
    },
    fileName: 'snippet.ts',
  });
  const errors = (out.diagnostics ?? []).map((d) => ({
    message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
    line: d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 1,
  }));
  const js = out.outputText.replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n');
  const lineMap = out.sourceMapText ? decodeLineMap(JSON.parse(out.sourceMapText).mappings as string) : [];
  return {
    js,
    errors,
    mapLine: (jsLine) => {
      // Walk back to the nearest generated line that has a mapping.
      for (let l = jsLine - 1; l >= 0; l--) {
        const src = lineMap[l];
        if (src !== undefined) return src + 1;
      }
      return jsLine;
    },
  };
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** For each generated line, the source line of its first segment (0-based), from a v3 source map. */
function decodeLineMap(mappings: string): (number | undefined)[] {
  const result: (number | undefined)[] = [];
  let sourceLine = 0;
  for (const lineText of mappings.split(';')) {
    let first: number | undefined;
    for (const segment of lineText.split(',')) {
      if (!segment) continue;
      const fields = decodeVlq(segment);
      if (fields.length >= 4) {
        sourceLine += fields[2]!;
        if (first === undefined) first = sourceLine;
      }
    }
    result.push(first);
  }
  return result;
}

function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = B64.indexOf(ch);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}
