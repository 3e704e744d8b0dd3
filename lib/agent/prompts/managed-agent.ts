// What a managed agent receives from its manager, and how its members are listed to the manager.
export const MANAGED_AGENT_TASK_PROMPT = `You are a helpful agent named '{{name}}'. Your manager has given you this task:
---
{{task}}
---
You are helping your manager with a wider task, so give a thorough answer rather than a one-liner: include everything useful you found.{{additionalArgs}}`;

export const MANAGED_AGENT_ADDITIONAL_ARGS = `

Your manager also passed you these values (additional_args):
{{args}}`;
