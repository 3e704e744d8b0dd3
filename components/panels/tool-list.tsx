'use client';
// The tools as the model will see them: signature, description, parameters; updated as the source is edited.
import type { PlaygroundAnalysis } from '@/lib/runner/analyze-playground';
import type { ToolSpec } from '@/lib/tools/types';
import { Disclosure } from '../ui/disclosure';
import { McpToolItem } from './mcp-tool-item';
import { ParametersTable } from './parameters-table';
import { OrphanFaultsNotice } from './orphan-faults-notice';
import { ToolFaultsEditor } from './tool-faults-editor';

export function signatureOf(tool: ToolSpec): string {
  const params = tool.parameters.map((p) => `${p.name}${p.optional ? '?' : ''}: ${p.typeText}`).join(', ');
  return `${tool.async ? 'async ' : ''}${tool.name}(${params}): ${tool.async ? `Promise<${tool.returns.typeText}>` : tool.returns.typeText}`;
}

export function ToolList({ analysis, stale }: { analysis?: PlaygroundAnalysis; stale: boolean }) {
  if (!analysis) return <p className="muted text-sm">Reading the tools…</p>;
  const { mcpTools } = analysis;
  return (
    <section aria-label="Tools as the model sees them" data-testid="tool-list" aria-busy={stale} className="space-y-2">
      <h2 className="flex items-center gap-2 text-sm font-semibold">
        Tools as the model sees them ({analysis.tools.length + mcpTools.length})
        {stale && <span className="muted text-xs font-normal">updating…</span>}
      </h2>
      {analysis.tools.length + mcpTools.length === 0 && <p className="muted text-sm">No tools yet: export a function with a JSDoc comment.</p>}
      {!stale && analysis.errors.length === 0 && <OrphanFaultsNotice toolNames={analysis.tools.map((t) => t.name)} />}
      <ul className="space-y-2">
        {analysis.tools.map((tool) => (
          <li key={tool.name} data-testid="tool-item" className="card p-2 text-sm">
            <code data-testid="tool-signature" className="block font-mono text-xs font-semibold break-all">
              {signatureOf(tool)}
            </code>
            <p className="mt-1 whitespace-pre-wrap">{tool.description}</p>
            <ParametersTable toolName={tool.name} params={tool.parameters} />
            <Disclosure title="As written in the prompt" className="mt-1">
              <pre tabIndex={0} className="mono-block">{analysis.rendered[tool.name]}</pre>
            </Disclosure>
            <ToolFaultsEditor tool={tool.name} />
          </li>
        ))}
        {mcpTools.map((tool) => (
          <McpToolItem key={`mcp:${tool.name}`} tool={tool} rendered={analysis.rendered[tool.name]} />
        ))}
      </ul>
    </section>
  );
}
