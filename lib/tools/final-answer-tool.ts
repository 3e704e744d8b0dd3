// `final_answer`: always there, never part of the user's source.
import type { ToolSpec } from './types';

export const FINAL_ANSWER_TOOL: ToolSpec = {
  name: 'final_answer',
  description: 'Provides the final answer to the task and ends the run.',
  parameters: [
    { name: 'answer', description: 'The final answer to the task.', typeText: 'unknown', schema: { description: 'The final answer to the task.' }, optional: false },
  ],
  inputSchema: {
    type: 'object',
    properties: { answer: { description: 'The final answer to the task.' } },
    required: ['answer'],
    additionalProperties: false,
  },
  returns: { typeText: 'never' },
  async: false,
  line: 0,
};
