// The context bar's parts: system prompt first, the task, each earlier step, and what is new for the call.
import { describe, expect, it } from 'vitest';
import { js, playground, runToEnd } from '../test-support/playgrounds';
import { contextBudget, describeBudget, earlierSteps, NAMED_EARLIER_STEPS, shownParts } from './context-budget';
import { firstCallSegments, modelInputForStep, modelInputSegments } from './memory';
import { foldEvents } from './run-state';
import { estimateTokens } from '../models/usage';

async function finishedRun(overrides: Parameters<typeof playground>[0]) {
  const { events } = await runToEnd(playground(overrides));
  const state = foldEvents(events);
  const run = state.runs[0]!;
  return { state, run, steps: state.steps.filter((s) => s.runKey === run.key) };
}

describe('context budget', () => {
  it('splits a code agent call into system prompt, task, each earlier step and the new part, estimated', async () => {
    const { state, run, steps } = await finishedRun({ responses: [js('console.log(add(1, 2));'), js('console.log(add(3, 4));'), js('final_answer(7)')] });
    const first = contextBudget(modelInputSegments(run, state.steps, steps[0]!));
    expect(first.parts.map((p) => p.label)).toEqual(['System prompt', 'Task']);
    const third = contextBudget(modelInputSegments(run, state.steps, steps[2]!), undefined, 128_000);
    expect(third.parts.map((p) => [p.kind, p.label])).toEqual([
      ['system', 'System prompt'],
      ['task', 'Task'],
      ['step', 'Step 1'],
      ['new', 'New: step 2'],
    ]);
    expect(third.source).toBe('estimated');
    // The parts are the whole input, as the inspector shows it.
    const messages = modelInputForStep(run, state.steps, steps[2]!);
    expect(third.total).toBe(messages.reduce((sum, m) => sum + estimateTokens(m.content), 0));
    expect(third.parts[0]!.tokens).toBe(estimateTokens(run.systemPrompt));
    expect(describeBudget(third)).toMatch(/^Context: [\d,]+ of 128,000 tokens \(\d+\.\d%, estimated\): system prompt [\d,]+, task [\d,]+, step 1 [\d,]+, new: step 2 [\d,]+$/);
  });

  it('shares the reported input tokens out over the parts, adding up exactly', async () => {
    const { state, run, steps } = await finishedRun({ responses: [js('console.log(1);'), js('final_answer(1)')] });
    const budget = contextBudget(modelInputSegments(run, state.steps, steps[1]!), { inputTokens: 1001, outputTokens: 5 });
    expect(budget.source).toBe('reported');
    expect(budget.total).toBe(1001);
    expect(budget.parts.reduce((sum, p) => sum + p.tokens, 0)).toBe(1001);
    expect(budget.parts[0]!.tokens).toBeGreaterThan(budget.parts[2]!.tokens);
    expect(describeBudget(budget)).toContain('reported by the model; context window unknown');
    // An estimate from the model (replay, manual) is not a report.
    expect(contextBudget(modelInputSegments(run, state.steps, steps[1]!), { inputTokens: 1001, outputTokens: 5, estimated: true }).source).toBe('estimated');
  });

  it('counts a ToolCallingAgent step’s tool calls and results, and a final-answer prompt as new', async () => {
    const { state, run, steps } = await finishedRun({
      agent: { type: 'tool-calling' },
      responses: [{ toolCalls: [{ name: 'add', arguments: { a: 1, b: 2 } }] }, { toolCalls: [{ name: 'final_answer', arguments: { answer: 3 } }] }],
    });
    const second = contextBudget(modelInputSegments(run, state.steps, steps[1]!));
    expect(second.parts.map((p) => p.kind)).toEqual(['system', 'task', 'new']);
    expect(second.parts[2]!.tokens).toBeGreaterThan(estimateTokens(JSON.stringify({ a: 1, b: 2 })));
    const final = contextBudget(modelInputSegments(run, state.steps, { index: 3, kind: 'final' }));
    expect(final.parts.at(-1)!.label).toBe('New: step 2 and the prompt of this step');
  });

  it('a new run’s first call (the Prompt tab’s next call) is the system prompt and the task, as the run then sends', async () => {
    const { state, run, steps } = await finishedRun({ responses: [js('final_answer(1)')] });
    expect(firstCallSegments(run.systemPrompt, run.task).flatMap((s) => s.messages)).toEqual(modelInputForStep(run, state.steps, steps[0]!));
    const budget = contextBudget(firstCallSegments('x'.repeat(400), 'hi'), undefined, 1000);
    expect(budget).toMatchObject({ window: 1000, source: 'estimated', parts: [{ kind: 'system', tokens: 100 }, { kind: 'task' }] });
    expect(budget.total).toBe(100 + budget.parts[1]!.tokens);
  });

  it('on a long run names the newest earlier steps one by one and draws the older ones as one part, adding up the same', async () => {
    const responses = [...Array.from({ length: 30 }, (_, i) => js(`console.log(${i})`)), js('final_answer(1)')];
    const { state, run, steps } = await finishedRun({ responses, agent: { type: 'code', maxSteps: 40 } });
    const last = contextBudget(modelInputSegments(run, state.steps, steps.at(-1)!));
    expect(earlierSteps(last)).toBe(29);
    const shown = shownParts(last);
    const labels = shown.filter((p) => p.kind === 'step').map((p) => p.label);
    expect(labels).toEqual([`Steps 1–${29 - NAMED_EARLIER_STEPS}`, ...Array.from({ length: NAMED_EARLIER_STEPS }, (_, i) => `Step ${30 - NAMED_EARLIER_STEPS + i}`)]);
    expect(shown.reduce((sum, p) => sum + p.tokens, 0)).toBe(last.total);
    expect(describeBudget(last)).toContain(`steps 1–${29 - NAMED_EARLIER_STEPS} `);
    expect(describeBudget(last)).not.toContain('step 5 ');
    // A short run is drawn as it is.
    const third = contextBudget(modelInputSegments(run, state.steps, steps[2]!));
    expect(shownParts(third)).toBe(third.parts);
  });
});
