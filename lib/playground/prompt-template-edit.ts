// Edits to a playground's prompt templates, checked before they are made: only overridden templates are stored.
import { checkTemplate, DEFAULT_PROMPT_TEMPLATES, type PromptTemplateId } from '../agent/prompts/templates';
import type { Playground } from './schema';

export type PromptTemplateEdit = { ok: true; doc: Playground } | { ok: false; message: string };

/** The document with template `id` set to `text` (the default text, or undefined, removes the override). */
export function checkPromptTemplateEdit(doc: Playground, id: PromptTemplateId, text: string | undefined): PromptTemplateEdit {
  if (text !== undefined) {
    const problem = checkTemplate(id, text);
    if (problem) return { ok: false, message: problem };
  }
  const { [id]: _old, ...others } = doc.agent.promptTemplates ?? {};
  const overrides = text === undefined || text === DEFAULT_PROMPT_TEMPLATES[id] ? others : { ...others, [id]: text };
  const { promptTemplates: _previous, ...agent } = doc.agent;
  return { ok: true, doc: { ...doc, agent: Object.keys(overrides).length ? { ...agent, promptTemplates: overrides } : agent } };
}
