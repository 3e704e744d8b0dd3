// The messages sent to the model, derived from the run's steps every time (never stored a second time).
import type { ChatMessage } from '../models/types';
import type { SandboxError } from '../sandbox/types';
import { ERROR_PROMPT, OBSERVATION_PROMPT, TASK_PROMPT } from './prompts/final-answer';
import { PLAN_MEMORY_PREFIX } from './prompts/planning';
import { renderTemplate } from './prompts/render-template';
import { resolveTemplates, type PromptTemplates } from './prompts/templates';
import { renderValue } from './render-value';
import type { AgentRunState, StepState } from './run-state';

export function describeError(error: SandboxError): string {
  const where = error.line ? ` (line ${error.line})` : '';
  return `${error.type}${where}: ${error.message}`;
}

/** Where a run of the model input's messages comes from. */
export type InputSegment =
  | { kind: 'system'; messages: ChatMessage[] }
  | { kind: 'task'; taskIndex: number; messages: ChatMessage[] }
  | { kind: 'step'; step: number; messages: ChatMessage[] }
  /** The step's own prompt (planning or final answer). */
  | { kind: 'prompt'; messages: ChatMessage[] };

/**
 * The messages a step's model call receives: system prompt, task, the earlier steps, and the step's own prompt.
 * `templates`: the run's overridden planning and final-answer templates (the system prompt is already in `run`).
 */
export function modelInputForStep(
  run: AgentRunState,
  steps: readonly StepState[],
  step: StepState,
  templates: Partial<PromptTemplates> = run.promptTemplates ?? {},
): ChatMessage[] {
  return modelInputSegments(run, steps, step, templates).flatMap((s) => s.messages);
}

const systemSegment = (systemPrompt: string): InputSegment => ({ kind: 'system', messages: [{ role: 'system', content: systemPrompt }] });
const taskSegment = (task: string, taskIndex: number): InputSegment => ({ kind: 'task', taskIndex, messages: [{ role: 'user', content: renderTemplate(TASK_PROMPT, { task }) }] });

/** What the first model call of a new run receives: the system prompt and the task. */
export function firstCallSegments(systemPrompt: string, task: string): InputSegment[] {
  return [systemSegment(systemPrompt), taskSegment(task, 0)];
}

/** The same messages, in the segments they come from (what the context budget is drawn from). */
export function modelInputSegments(
  run: AgentRunState,
  steps: readonly StepState[],
  step: Pick<StepState, 'index' | 'kind'>,
  templates: Partial<PromptTemplates> = run.promptTemplates ?? {},
): InputSegment[] {
  const { initialPlan, updatePlan, finalAnswer } = resolveTemplates(templates);
  const earlier = steps.filter((s) => s.runKey === run.key && s.index < step.index);
  // A run that took follow-up tasks remembers them all: each task comes before the steps of its section.
  const tasks = run.tasks?.length ? run.tasks : [{ task: run.task, fromStep: 1 }];
  const segments: InputSegment[] = [systemSegment(run.systemPrompt)];
  let next = 0;
  const taskUpTo = (index: number) => {
    while (next < tasks.length && tasks[next]!.fromStep <= index) {
      segments.push(taskSegment(tasks[next]!.task, next));
      next++;
    }
  };
  for (const s of earlier) {
    taskUpTo(s.index);
    segments.push({ kind: 'step', step: s.index, messages: stepMessages(s, run.agentType === 'tool-calling' && run.toolCallFormat !== 'text') });
  }
  taskUpTo(step.index);
  const section = earlier.filter((s) => s.index >= tasks[tasks.length - 1]!.fromStep);
  if (step.kind === 'planning') {
    const first = !section.some((s) => s.kind === 'planning');
    const actionsDone = section.filter((s) => s.kind === 'action').length;
    segments.push({
      kind: 'prompt',
      messages: [
        {
          role: 'user',
          content: first
            ? renderTemplate(initialPlan, { task: run.task })
            : renderTemplate(updatePlan, { task: run.task, remainingSteps: String(run.maxSteps - actionsDone) }),
        },
      ],
    });
  } else if (step.kind === 'final') {
    segments.push({ kind: 'prompt', messages: [{ role: 'user', content: renderTemplate(finalAnswer, { task: run.task }) }] });
  }
  return segments;
}

function stepMessages(step: StepState, toolCalling: boolean): ChatMessage[] {
  if (step.kind === 'planning') {
    return [{ role: 'assistant', content: PLAN_MEMORY_PREFIX + step.modelOutput.replace(/<end_plan>[\s\S]*$/, '').trim() }];
  }
  if (step.kind === 'final') return [{ role: 'assistant', content: step.modelOutput }];
  if (toolCalling) return toolCallingStepMessages(step);
  // A CodeAgent, or a ToolCallingAgent that writes its calls in its text: the answer, then what came of it, as text.

  const messages: ChatMessage[] = [{ role: 'assistant', content: step.modelOutput }];
  if (step.error) {
    const logs = step.observation ? `${renderTemplate(OBSERVATION_PROMPT, { observation: step.observation })}\n` : '';
    messages.push({ role: 'user', content: logs + renderTemplate(ERROR_PROMPT, { error: describeError(step.error) }) });
  } else {
    messages.push({ role: 'user', content: renderTemplate(OBSERVATION_PROMPT, { observation: step.observation ?? '' }) });
  }
  return messages;
}

function toolCallingStepMessages(step: StepState): ChatMessage[] {
  const calls = step.modelToolCalls ?? [];
  const messages: ChatMessage[] = [
    { role: 'assistant', content: step.modelOutput, ...(calls.length ? { toolCalls: calls } : {}) },
  ];
  for (const call of calls) {
    const record = step.toolCalls.find((c) => c.callId === call.id);
    const content = !record
      ? 'Not run: an earlier call in this step ended the step.'
      : record.error !== undefined
        ? `Error: ${record.error}`
        : renderValue(record.result);
    messages.push({ role: 'tool', toolCallId: call.id, toolName: call.name, content });
  }
  // No tool call at all, or a rejected final answer: after the tool messages, the reason.
  if (step.error) messages.push({ role: 'user', content: renderTemplate(ERROR_PROMPT, { error: describeError(step.error) }) });
  return messages;
}
