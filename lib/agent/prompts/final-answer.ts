// Prompts around the agent's turn-taking: the task, observations, errors, and the last call at max steps.
export const TASK_PROMPT = `New task:
{{task}}`;

export const OBSERVATION_PROMPT = `Observation:
{{observation}}`;

export const ERROR_PROMPT = `Error:
{{error}}
Now let's retry: take care not to repeat previous errors! If you have retried several times, try a completely different approach.`;

export const FINAL_ANSWER_PROMPT = `You have reached the maximum number of steps. Based on everything above, give your best final answer to the task:
{{task}}

Answer in plain text, without code and without tool calls.`;
