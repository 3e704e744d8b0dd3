// Builds an agent's system prompt from the template files and the tools.
import { renderTemplate } from './prompts/render-template';
import { resolveTemplates, type PromptTemplates } from './prompts/templates';
import type { AgentType } from './events';
import { TEXT_TOOL_CALLS_PROMPT } from './prompts/text-tool-calls';
import { renderToolsForTextCalls } from '../tools/render-tool-text';

export interface ManagedAgentInfo {
  name: string;
  description: string;
}

export interface SystemPromptParts {
  /** CodeAgent: the tools as TypeScript declarations. ToolCallingAgent: the tools as a list. */
  tools: string;
  managedAgents: ManagedAgentInfo[];
  instructions?: string;
  /** The MCP tools' names: they take one object, unlike the tools of the source (CodeAgent). */
  mcpToolNames?: string[];
  /** CodeAgent: the npm packages the sandbox lets the code import (the Node kernel, WebContainer); none in QuickJS. */
  packages?: readonly string[];
  /** The playground's own system prompt templates, if it overrides them. */
  templates?: Partial<PromptTemplates>;
}

export function buildSystemPrompt(type: AgentType, parts: SystemPromptParts): string {
  const templates = resolveTemplates(parts.templates);
  const template = type === 'code' ? templates.codeAgentSystem : templates.toolCallingAgentSystem;
  const render = type === 'code' ? renderManagedAgentForCode : renderManagedAgentForToolCalling;
  return renderTemplate(template, {
    tools: parts.tools,
    managedAgents: parts.managedAgents.map(render).join('\n\n'),
    instructions: parts.instructions?.trim(),
    mcpExample: type === 'code' ? parts.mcpToolNames?.[0] : undefined,
    packages: parts.packages?.length ? parts.packages.join(', ') : undefined,
    noPackages: parts.packages?.length ? undefined : 'yes',
  });
}

export function renderManagedAgentForCode(agent: ManagedAgentInfo): string {
  const doc = agent.description
    .split('\n')
    .map((l) => ` * ${l}`.trimEnd())
    .join('\n');
  return `/**\n${doc}\n * @param request.task What you need from this team member, in detail.\n * @param request.additional_args Values the member may need (optional).\n */\nasync function ${agent.name}(request: { task: string; additional_args?: Record<string, unknown> }): Promise<unknown>`;
}

export function renderManagedAgentForToolCalling(agent: ManagedAgentInfo): string {
  return `- ${agent.name}: ${agent.description}\n    Takes inputs: {"task": string (what you need, in detail), "additional_args"?: object}`;
}

/** The JSON schema a tool-calling model gets for a managed agent. */
export function managedAgentSchema(agent: ManagedAgentInfo) {
  return {
    name: agent.name,
    description: agent.description,
    parameters: {
      type: 'object',
      properties: {
        task: { type: 'string', description: 'What you need from this team member, in detail.' },
        additional_args: { type: 'object', description: 'Values the member may need.' },
      },
      required: ['task'],
      additionalProperties: false,
    },
  };
}

/** The tools part of a ToolCallingAgent's system prompt in the text tool call format: each tool's schema, and how to call one. */
export function renderToolsForTextFormat(tools: readonly { name: string; description: string; parameters: unknown }[]): string {
  return renderTemplate(TEXT_TOOL_CALLS_PROMPT, { tools: renderToolsForTextCalls(tools) });
}
