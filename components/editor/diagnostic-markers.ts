// Places diagnostics (1-based line and column) on a model as error markers.
import type * as Monaco from 'monaco-editor';

export interface EditorDiagnostic {
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

/** Owner of the markers the tools editor sets, next to those of the TypeScript service. */
export const MARKER_OWNER = 'tools';

/**
 * A marker per diagnostic, clamped to the model. It runs from the diagnostic's column to the end of the word
 * there, or to the end of the line when no word starts there.
 */
export function diagnosticMarkers(
  model: Monaco.editor.ITextModel,
  diagnostics: readonly EditorDiagnostic[],
  severity: Monaco.MarkerSeverity,
): Monaco.editor.IMarkerData[] {
  const lineCount = model.getLineCount();
  return diagnostics.map((d) => {
    const line = clamp(Math.trunc(d.line) || 1, 1, lineCount);
    const maxColumn = model.getLineMaxColumn(line);
    let startColumn = clamp(Math.trunc(d.column) || 1, 1, maxColumn);
    const word = model.getWordAtPosition({ lineNumber: line, column: startColumn });
    let endColumn = word && word.endColumn > startColumn ? word.endColumn : maxColumn;
    if (endColumn === startColumn && startColumn > 1) {
      // At the end of a line: mark its last character so the marker stays visible.
      startColumn -= 1;
      endColumn = maxColumn;
    }
    return { severity, message: d.message, startLineNumber: line, startColumn, endLineNumber: line, endColumn };
  });
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
