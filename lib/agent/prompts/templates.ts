// Every prompt template a playground may override: its id, label, default text and the variables it may use.
import { CODE_AGENT_SYSTEM_PROMPT } from './code-agent';
import { FINAL_ANSWER_PROMPT } from './final-answer';
import { INITIAL_PLAN_PROMPT, UPDATE_PLAN_PROMPT } from './planning';
import { TOOL_CALLING_AGENT_SYSTEM_PROMPT } from './tool-calling-agent';

export const PROMPT_TEMPLATE_IDS = ['codeAgentSystem', 'toolCallingAgentSystem', 'initialPlan', 'updatePlan', 'finalAnswer'] as const;
export type PromptTemplateId = (typeof PROMPT_TEMPLATE_IDS)[number];
export type PromptTemplates = Record<PromptTemplateId, string>;

export interface PromptTemplateInfo {
  id: PromptTemplateId;
  label: string;
  defaultText: string;
  /** The variables the template may use, as `{{name}}` or `{{#if name}}`. */
  variables: readonly string[];
  /** The variables it must use: without them the model would miss something it needs. */
  required: readonly string[];
}

export const PROMPT_TEMPLATES: readonly PromptTemplateInfo[] = [
  {
    id: 'codeAgentSystem',
    label: 'System prompt (CodeAgent)',
    defaultText: CODE_AGENT_SYSTEM_PROMPT,
    variables: ['tools', 'managedAgents', 'instructions', 'mcpExample', 'packages', 'noPackages'],
    required: ['tools'],
  },
  {
    id: 'toolCallingAgentSystem',
    label: 'System prompt (ToolCallingAgent)',
    defaultText: TOOL_CALLING_AGENT_SYSTEM_PROMPT,
    variables: ['tools', 'managedAgents', 'instructions'],
    required: ['tools'],
  },
  { id: 'initialPlan', label: 'Planning: first plan', defaultText: INITIAL_PLAN_PROMPT, variables: ['task'], required: [] },
  { id: 'updatePlan', label: 'Planning: updated plan', defaultText: UPDATE_PLAN_PROMPT, variables: ['task', 'remainingSteps'], required: [] },
  { id: 'finalAnswer', label: 'Final answer (at the step limit)', defaultText: FINAL_ANSWER_PROMPT, variables: ['task'], required: [] },
];

export const DEFAULT_PROMPT_TEMPLATES: PromptTemplates = Object.fromEntries(
  PROMPT_TEMPLATES.map((t) => [t.id, t.defaultText]),
) as PromptTemplates;

export function promptTemplateInfo(id: PromptTemplateId): PromptTemplateInfo {
  return PROMPT_TEMPLATES.find((t) => t.id === id)!;
}

/** The defaults with the given overrides on top. */
export function resolveTemplates(overrides: Partial<PromptTemplates> = {}): PromptTemplates {
  const resolved = { ...DEFAULT_PROMPT_TEMPLATES };
  for (const id of PROMPT_TEMPLATE_IDS) {
    const text = overrides[id];
    if (text !== undefined) resolved[id] = text;
  }
  return resolved;
}

/** The names a template uses, in order of first use, from `{{name}}` and `{{#if name}}`. */
export function templateVariables(text: string): string[] {
  const names = [...text.matchAll(/\{\{(?:#if )?(\w+)\}\}/g)].map((m) => m[1]!);
  return [...new Set(names)];
}

/** Why a template text cannot be used (an unknown or a missing variable), or undefined when it can. */
export function checkTemplate(id: PromptTemplateId, text: string): string | undefined {
  const info = promptTemplateInfo(id);
  const used = templateVariables(text);
  const list = (names: readonly string[]) => names.map((n) => `{{${n}}}`).join(', ');
  const unknown = used.filter((n) => !info.variables.includes(n));
  if (unknown.length) {
    return `${info.label}: unknown variable ${list(unknown)}; the variables are ${list(info.variables)}`;
  }
  const missing = info.required.filter((n) => !used.includes(n));
  if (missing.length) return `${info.label}: must use ${list(missing)}`;
  const opened = (text.match(/\{\{#if \w+\}\}/g) ?? []).length;
  const closed = (text.match(/\{\{\/if\}\}/g) ?? []).length;
  if (opened !== closed) return `${info.label}: each {{#if name}} needs its {{/if}}`;
  return undefined;
}
