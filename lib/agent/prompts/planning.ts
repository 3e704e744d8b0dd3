// Planning prompts (every N steps): a survey of facts and a plan first, then updates of both.
export const INITIAL_PLAN_PROMPT = `Before acting, make a plan for the task below.

Task:
{{task}}

First survey the facts:
## 1. Facts given in the task
## 2. Facts to look up
## 3. Facts to derive

Then write a short numbered plan of high-level steps that, done correctly, give the answer. Don't write code and don't call tools now. End the plan with <end_plan>.`;

export const UPDATE_PLAN_PROMPT = `Take stock. The task is still:
{{task}}

Given what you found so far, update the facts survey:
## 1. Facts given in the task
## 2. Facts that we have learned
## 3. Facts still to look up
## 4. Facts still to derive

Then write an updated numbered plan for the rest of the work. You have {{remainingSteps}} steps left. Don't write code and don't call tools now. End the plan with <end_plan>.`;

/** How a plan reads back to the model in later steps. */
export const PLAN_MEMORY_PREFIX = 'Here are the facts and the plan I made:\n';
