'use client';
// The tools source in an editor, its errors (each one a button that puts the cursor on it), and the live list of
// tools beside it.
import { useRef } from 'react';
import type { McpToolInfo } from '@/lib/mcp/types';
import { useAnalysisStore } from '@/lib/store/analysis-store';
import { usePlaygroundStore } from '@/lib/store/playground-store';
import { useResolvedTheme } from '../playground/use-theme';
import { ToolsEditor, type ToolsEditorHandle } from '../editor/tools-editor';
import { useMcpTypings } from '../editor/use-mcp-typings';
import { BuiltinTools } from './builtin-tools';
import { ImportTools } from './import-tools';
import { ToolList } from './tool-list';

const NO_TOOLS: McpToolInfo[] = [];
const NO_RENDERED: Record<string, string> = {};

export function ToolsPanel() {
  const tools = usePlaygroundStore((s) => s.doc.tools);
  const setTools = usePlaygroundStore((s) => s.setTools);
  const { analysis, stale, error } = useAnalysisStore();
  const theme = useResolvedTheme();
  const errors = analysis?.errors ?? [];
  const editor = useRef<ToolsEditorHandle>(null);
  useMcpTypings(analysis?.mcpTools ?? NO_TOOLS, analysis?.rendered ?? NO_RENDERED);
  return (
    <div className="grid gap-3 2xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <div className="space-y-2">
        <ToolsEditor ref={editor} value={tools} onChange={setTools} diagnostics={errors} theme={theme} className="h-[28rem]" />
        {errors.length > 0 && (
          <ul aria-label="Problems in the tools source" data-testid="tool-errors" className="space-y-1 text-sm text-red-800 dark:text-red-300">
            {errors.map((d, i) => (
              <li key={i}>
                <button
                  type="button"
                  className="cursor-pointer rounded-sm text-left underline decoration-dotted underline-offset-2 hover:decoration-solid"
                  onClick={() => editor.current?.goTo(d.line, d.column)}
                >
                  Line {d.line}:{d.column}: {d.message}
                </button>
              </li>
            ))}
          </ul>
        )}
        {error && <p role="alert" className="text-sm text-red-800 dark:text-red-300">The tools could not be read: {error}</p>}
      </div>
      <div className="space-y-4">
        <ToolList analysis={analysis} stale={stale} />
        <BuiltinTools />
        <ImportTools />
      </div>
    </div>
  );
}
