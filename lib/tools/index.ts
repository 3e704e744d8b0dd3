export type * from './types';
export { compileTools } from './compile-tools';
export { FINAL_ANSWER_TOOL } from './final-answer-tool';
export { renderToolForCode, renderToolsForCode } from './render-for-code';
export { renderToolSchema, toolSchemasForModel, type ToolSchema } from './render-schema';
export { renderToolAsListItem, renderToolsAsList } from './render-tool-list';
export { validateArguments, argumentsToPositional } from './validate-arguments';
export { renderToolForTextCalls, renderToolsForTextCalls } from './render-tool-text';
