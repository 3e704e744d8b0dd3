export { createAgent, type Agent, type AgentOptions, type AgentTools, type ManagedAgent, type FinalAnswerCheck, type RunOptions } from './agent';
export type * from './events';
export * from './run-state';
export { modelInputForStep, describeError } from './memory';
export { parseCode, CodeParseError, type ParsedCode } from './parse-code';
export { buildSystemPrompt, renderManagedAgentForCode, renderManagedAgentForToolCalling, renderToolsForTextFormat } from './system-prompt';
export { renderValue } from './render-value';
export * from './prompts/templates';
