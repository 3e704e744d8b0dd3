// Compare: the two setups a task runs under, and the playground each of them runs (same task, same tools).
import type { PromptTemplateId } from '../agent/prompts/templates';
import { DEFAULT_PROMPT_TEMPLATES, PROMPT_TEMPLATE_IDS } from '../agent/prompts/templates';
import { REAL_PROVIDERS, type Playground, type RealProvider } from '../playground/schema';
import { isProviderModel } from '../models/presets';
import { checkPromptTemplateEdit } from '../playground/prompt-template-edit';

export type AgentKind = 'code' | 'tool-calling';

/** What one side changes in the playground; everything it does not name stays as the document has it. */
export interface CompareSetup {
  type?: AgentKind;
  /** `<id>` (the playground's provider) or `<provider>:<id>`. */
  model?: string;
  /** Prompt template overrides for this side (a "prompt version"). */
  promptTemplates?: Partial<Record<PromptTemplateId, string>>;
}

export const DEFAULT_COMPARE: { a: CompareSetup; b: CompareSetup } = { a: { type: 'code' }, b: { type: 'tool-calling' } };

export class CompareSetupError extends Error {}

export const SETUP_KEYS = ['type', 'model', 'prompt'] as const;

/**
 * `type=code,model=gpt-4.1` (or several such parts) into a setup. `prompt=` values are resolved by the caller
 * (`readPrompt`), since reading a file is not this module's business.
 */
export function parseSetupSpec(parts: readonly string[], readPrompt: (value: string) => CompareSetup['promptTemplates']): CompareSetup {
  const setup: CompareSetup = {};
  for (const part of parts.flatMap((p) => p.split(','))) {
    const match = /^\s*([^=\s]+)\s*=\s*(.*?)\s*$/.exec(part);
    if (!match) throw new CompareSetupError(`'${part}': expected key=value, e.g. type=code (keys: ${SETUP_KEYS.join(', ')})`);
    const [, key, value] = match as unknown as [string, string, string];
    if (!value) throw new CompareSetupError(`'${part}': ${key} needs a value`);
    if (key === 'type') {
      if (value !== 'code' && value !== 'tool-calling') throw new CompareSetupError(`type=${value}: expected type=code or type=tool-calling`);
      setup.type = value;
    } else if (key === 'model') {
      setup.model = value;
    } else if (key === 'prompt') {
      setup.promptTemplates = readPrompt(value);
    } else {
      throw new CompareSetupError(`unknown key '${key}' in '${part}'; the keys are ${SETUP_KEYS.join(', ')}`);
    }
  }
  return setup;
}

/** A short label for a side: what it changes, e.g. "CodeAgent", "ToolCallingAgent · gpt-4.1". */
export function setupLabel(setup: CompareSetup, base: Playground): string {
  const type = setup.type ?? base.agent.type;
  const parts = [type === 'code' ? 'CodeAgent' : 'ToolCallingAgent'];
  if (setup.model) parts.push(setup.model);
  const prompts = promptVersionLabel(setup.promptTemplates);
  if (prompts) parts.push(prompts);
  return parts.join(' · ');
}

/** What a side's prompt overrides amount to: "built-in prompts" when they only undo the playground's edits. */
function promptVersionLabel(templates: CompareSetup['promptTemplates']): string | undefined {
  const entries = Object.entries(templates ?? {});
  if (!entries.length) return undefined;
  if (entries.every(([id, text]) => text === DEFAULT_PROMPT_TEMPLATES[id as PromptTemplateId])) return 'built-in prompts';
  return `prompts: ${entries.filter(([id, text]) => text !== DEFAULT_PROMPT_TEMPLATES[id as PromptTemplateId]).map(([id]) => id).join(', ')}`;
}

/** A setup whose prompts are the built-in ones: every template the playground overrides, back to its default. */
export function builtInPromptsSetup(setup: CompareSetup, base: Playground): CompareSetup {
  const ids = Object.keys(base.agent.promptTemplates ?? {}) as PromptTemplateId[];
  const { promptTemplates: _old, ...rest } = setup;
  return { ...rest, promptTemplates: Object.fromEntries(ids.map((id) => [id, DEFAULT_PROMPT_TEMPLATES[id]])) };
}

/** The playground a side runs: the base document with the side's changes, checked. */
export function playgroundForSetup(base: Playground, setup: CompareSetup): Playground {
  let doc: Playground = { ...base, agent: { ...base.agent, ...(setup.type ? { type: setup.type } : {}) } };
  if (setup.model) doc = { ...doc, model: withModel(doc.model, setup.model) };
  for (const [id, text] of Object.entries(setup.promptTemplates ?? {})) {
    if (!(PROMPT_TEMPLATE_IDS as readonly string[]).includes(id)) {
      throw new CompareSetupError(`prompt template '${id}' does not exist; the templates are ${PROMPT_TEMPLATE_IDS.join(', ')}`);
    }
    const edit = checkPromptTemplateEdit(doc, id as PromptTemplateId, text);
    if (!edit.ok) throw new CompareSetupError(`prompt template '${id}': ${edit.message}`);
    doc = edit.doc;
  }
  return doc;
}

function withModel(model: Playground['model'], spec: string): Playground['model'] {
  const qualified = /^([a-z-]+):(.+)$/.exec(spec);
  const provider = qualified?.[1];
  if (provider && (REAL_PROVIDERS as readonly string[]).includes(provider)) {
    const id = qualified[2]!;
    if (isProviderModel(model) && model.provider === provider) return { ...model, model: id };
    if (provider === 'openai-compatible') throw new CompareSetupError(`model=${spec}: an OpenAI-compatible model needs the server's address; set it in the playground`);
    return { provider: provider as Exclude<RealProvider, 'openai-compatible'>, model: id, via: 'browser', timeoutMs: 120_000, maxRetries: 3 };
  }
  if (!isProviderModel(model)) {
    throw new CompareSetupError(`model=${spec}: this playground's model is ${model.provider}; name the provider too, e.g. model=openai:${spec}`);
  }
  return { ...model, model: spec };
}
