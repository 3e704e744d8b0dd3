'use client';
// Temporary plain editor, replaced by the Monaco editor.
export interface EditorDiagnostic {
  message: string;
  line: number;
  column: number;
}
export function ToolsEditor(props: { value: string; onChange: (v: string) => void; diagnostics: EditorDiagnostic[]; theme: 'light' | 'dark'; className?: string }) {
  return <textarea aria-label="Tools source (TypeScript)" className={`field font-mono ${props.className ?? ''}`} value={props.value} onChange={(e) => props.onChange(e.target.value)} />;
}
