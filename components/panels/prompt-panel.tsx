'use client';
// The exact system prompt that will be sent, and its estimated size per section.
import { PROMPT_TEMPLATES } from '@/lib/agent/prompts/templates';
import { useAnalysisStore } from '@/lib/store/analysis-store';
import { usePlaygroundStore } from '@/lib/store/playground-store';
import { NextCallContext } from './next-call-context';
import { PromptTemplateField } from './prompt-template-field';
import { CopyButton } from '../ui/copy-button';

const KIND = { rules: 'Rules', types: 'Types', tool: 'Tool', 'mcp-tool': 'MCP tool', 'managed-agent': 'Team member', instructions: 'Instructions' } as const;

export function PromptPanel() {
  const { analysis, stale } = useAnalysisStore();
  if (!analysis) return <p className="muted text-sm">Building the prompt…</p>;
  return (
    <div className="space-y-3" aria-busy={stale}>
      <NextCallContext systemPrompt={analysis.systemPrompt} />
      <table className="w-full max-w-xl text-left text-sm" data-testid="prompt-sections">
        <caption className="mb-1 text-left text-sm font-semibold">
          System prompt: about {analysis.promptTokens.toLocaleString('en-US')} tokens (estimated: characters ÷ 4)
        </caption>
        <thead>
          <tr className="muted text-xs">
            <th scope="col" className="font-medium">Section</th>
            <th scope="col" className="font-medium">Name</th>
            <th scope="col" className="text-right font-medium">Tokens</th>
            <th scope="col" className="text-right font-medium">Share</th>
          </tr>
        </thead>
        <tbody>
          {analysis.sections.map((s) => (
            <tr key={`${s.kind}:${s.label}`} data-testid="prompt-section">
              <td>{KIND[s.kind]}</td>
              <td className={s.kind === 'tool' || s.kind === 'mcp-tool' || s.kind === 'managed-agent' ? 'font-mono' : ''}>{s.label}</td>
              <td className="text-right tabular-nums">{s.tokens.toLocaleString('en-US')}</td>
              <td className="text-right tabular-nums">{Math.round((100 * s.tokens) / Math.max(1, analysis.promptTokens))}%</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="flex items-center gap-2">
        <h2 className="text-sm font-semibold">The system prompt, exactly as sent</h2>
        <CopyButton text={analysis.systemPrompt} label="Copy the system prompt" />
      </div>
      <pre tabIndex={0} data-testid="system-prompt" className="mono-block">{analysis.systemPrompt}</pre>
      <PromptTemplates />
    </div>
  );
}

/** The templates the prompts are made from; edits are kept in the document, so a link shares them. */
function PromptTemplates() {
  const overrides = usePlaygroundStore((s) => s.doc.agent.promptTemplates);
  const setPromptTemplate = usePlaygroundStore((s) => s.setPromptTemplate);
  return (
    <section aria-labelledby="prompt-templates-heading" className="space-y-3 pt-2">
      <h2 id="prompt-templates-heading" className="text-sm font-semibold">
        Prompt templates
      </h2>
      <p className="muted text-xs">
        The texts the prompts are made from. An edit is saved in the playground (and its share link) as soon as its
        variables check out; {'{{#if name}}…{{/if}}'} keeps a block only when the value is not empty.
      </p>
      {PROMPT_TEMPLATES.map((info) => (
        <PromptTemplateField
          key={info.id}
          info={info}
          value={overrides?.[info.id] ?? info.defaultText}
          onCommit={(text) => setPromptTemplate(info.id, text)}
        />
      ))}
    </section>
  );
}
