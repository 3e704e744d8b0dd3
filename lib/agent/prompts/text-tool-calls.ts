// The tools part of a ToolCallingAgent's system prompt when its model writes tool calls in its text (no native tool calls).
export const TEXT_TOOL_CALLS_PROMPT = `{{tools}}

You call a tool by writing a JSON block in your answer, after your thought, like this:
\`\`\`json
{"name": "tool_name", "arguments": {"argument_name": "value"}}
\`\`\`
The arguments must match the tool's JSON Schema. To call several tools in one turn, write an array of such objects. Write nothing after the block: each tool's result comes back to you as the observation. To finish, call final_answer the same way: {"name": "final_answer", "arguments": {"answer": "your answer"}}`;
