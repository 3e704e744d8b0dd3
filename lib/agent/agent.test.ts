import { describe, expect, it } from 'vitest';
import { createManualModel } from '../models/manual-model';
import { js, MATH_TOOLS, ofType, playground, recordingModel, runToEnd } from '../test-support/playgrounds';
import { foldEvents } from './run-state';
import { modelInputForStep } from './memory';

describe('CodeAgent loop', () => {
  it('runs code that calls tools, keeps variables across steps, and ends on final_answer', async () => {
    const pg = playground({
      responses: [
        js('const total = add(2, 3) + add(10, 20);\nconst len = await word_length("hello");\nconsole.log("sum", total, "len", len);'),
        js('final_answer(total * len);'),
      ],
    });
    const { events, end } = await runToEnd(pg);
    expect(end.status).toBe('success');
    expect(end.finalAnswer).toBe(175);
    const calls = ofType(events, 'tool_call_end');
    expect(calls.map((c) => [c.name, c.result])).toEqual([
      ['add', 5],
      ['add', 30],
      ['word_length', 5],
    ]);
    expect(ofType(events, 'observation')[0]?.text).toContain('sum 35 len 5');
    const firstOfEach = [...new Set(events.filter((e) => e.agent === 'main' && e.type !== 'log').map((e) => e.type))];
    expect(firstOfEach).toEqual(['run_start', 'step_start', 'model_delta', 'model_end', 'code', 'tool_call_start', 'tool_call_end', 'variables', 'observation', 'step_end', 'final_answer', 'run_end']);
    expect(events.at(-1)?.type).toBe('run_end');
  });

  it('tells the model the expected format when its answer has no code block, and goes on', async () => {
    const { model, requests } = recordingModel(['The answer is 5.', js('final_answer(5)')]);
    const { events, end } = await runToEnd(playground(), { model });
    expect(end.status).toBe('success');
    expect(ofType(events, 'step_error')[0]?.error.type).toBe('FormatError');
    const secondCall = requests[1]!.messages.at(-1)!;
    expect(secondCall.role).toBe('user');
    expect(secondCall.content).toMatch(/no code block[\s\S]*```js[\s\S]*Now let's retry/);
  });

  it('sends a code error with its line back to the model, which recovers', async () => {
    const { model, requests } = recordingModel([
      js('const a = 1;\nconsole.log("before");\nnotDefined();\n'),
      js('final_answer(a + 1)'),
    ]);
    const { events, end } = await runToEnd(playground(), { model });
    expect(end.finalAnswer).toBe(2);
    const error = ofType(events, 'step_error')[0]!.error;
    expect(error).toMatchObject({ type: 'ReferenceError', line: 3 });
    const feedback = requests[1]!.messages.at(-1)!.content;
    expect(feedback).toContain('Execution logs:\nbefore');
    expect(feedback).toMatch(/Error:\nReferenceError \(line 3\): .*notDefined/);
  });

  it('maps error lines of a ```ts block back to the TypeScript the model wrote', async () => {
    const code = 'interface P {\n  x: number;\n}\nconst p: P = { x: 1 };\nthrow new Error("bad " + p.x);';
    const { events } = await runToEnd(playground({ responses: [`Thought\n\`\`\`ts\n${code}\n\`\`\``, js('final_answer(1)')] }));
    expect(ofType(events, 'step_error')[0]!.error).toMatchObject({ type: 'Error', message: 'bad 1', line: 5 });
  });

  it('asks once more for a final answer at max steps and ends as max_steps', async () => {
    const { model, requests } = recordingModel([js('console.log(1)'), js('console.log(2)'), 'It is 42.']);
    const { events, end } = await runToEnd(playground({ agent: { maxSteps: 2 } }), { model });
    expect(end.status).toBe('max_steps');
    expect(end.finalAnswer).toBe('It is 42.');
    expect(ofType(events, 'step_start').map((s) => s.kind)).toEqual(['action', 'action', 'final']);
    expect(requests[2]!.purpose).toBe('final');
    expect(requests[2]!.messages.at(-1)!.content).toMatch(/maximum number of steps[\s\S]*Do the thing\./);
  });

  it('plans before the first step and updates the plan every N steps', async () => {
    const { model, requests } = recordingModel([
      'Facts… Plan: 1. add <end_plan>',
      js('console.log(add(1, 1))'),
      js('console.log(add(2, 2))'),
      'Updated plan <end_plan>',
      js('final_answer(4)'),
    ]);
    const { events, end } = await runToEnd(playground({ agent: { planningInterval: 2, maxSteps: 3 } }), { model });
    expect(end.status).toBe('success');
    expect(ofType(events, 'step_start').map((s) => s.kind)).toEqual(['planning', 'action', 'action', 'planning', 'action']);
    expect(requests[0]!.purpose).toBe('planning');
    expect(requests[0]!.messages.at(-1)!.content).toMatch(/Facts given in the task/);
    expect(requests[3]!.messages.at(-1)!.content).toMatch(/Facts that we have learned[\s\S]*1 steps left/);
    // The first plan is part of the memory of the next action step.
    expect(requests[1]!.messages.some((m) => m.role === 'assistant' && m.content.includes('Plan: 1. add'))).toBe(true);
    expect(requests[1]!.messages.some((m) => m.content.includes('<end_plan>'))).toBe(false);
  });

  it('rejects a final answer that a check refuses, tells the model why, and accepts a later one', async () => {
    const { model, requests } = recordingModel([js('final_answer(3)'), js('final_answer(12)')]);
    const { events, end } = await runToEnd(playground({ agent: { finalAnswerChecks: ['above_ten'] } }), { model });
    expect(end.finalAnswer).toBe(12);
    expect(ofType(events, 'step_error')[0]!.error).toMatchObject({
      type: 'FinalAnswerRejected',
      message: "The final answer was rejected by the check 'above_ten': the answer must be a number above 10",
    });
    expect(requests[1]!.messages.at(-1)!.content).toContain('rejected by the check');
  });

  it('ends with a clear error when the replay model runs out of responses', async () => {
    const { end } = await runToEnd(playground({ responses: [js('console.log(1)')] }));
    expect(end.status).toBe('error');
    expect(end.error?.message).toMatch(/replay model has no response left/);
  });

  it('derives the exact messages each model call received from the recorded steps', async () => {
    const { model, requests } = recordingModel([js('const x = add(1, 2);\nconsole.log(x)'), 'no code', js('final_answer(x)')]);
    const { events } = await runToEnd(playground(), { model });
    const state = foldEvents(events);
    const run = state.runs[0]!;
    state.steps.forEach((step, i) => {
      expect(modelInputForStep(run, state.steps, step)).toEqual(requests[i]!.messages);
    });
  });

  it('passes stop sequences for code turns and reports usage and timings per step', async () => {
    const { model, requests } = recordingModel([js('final_answer(1)')]);
    const { events, end } = await runToEnd(playground(), { model });
    expect(requests[0]!.stopSequences).toContain('Observation:');
    const stepEnd = ofType(events, 'step_end')[0]!;
    expect(stepEnd.usage).toEqual({ inputTokens: 10, outputTokens: 5 });
    expect(stepEnd.timing.totalMs).toBeGreaterThanOrEqual(stepEnd.timing.modelMs);
    expect(end.usage).toEqual({ inputTokens: 10, outputTokens: 5 });
  });
});

describe('stopping a run', () => {
  it('aborts while the model is thinking', async () => {
    const controller = new AbortController();
    const model = createManualModel(() => new Promise(() => {}));
    setTimeout(() => controller.abort(new DOMException('Stopped by the user.', 'AbortError')), 50);
    const { end } = await runToEnd(playground(), { model, signal: controller.signal });
    expect(end.status).toBe('aborted');
  });

  it('aborts while the code waits on async work, long before the sandbox deadline', async () => {
    const controller = new AbortController();
    const pg = playground({ responses: [js('await new Promise((resolve) => setTimeout(resolve, 60_000));')], sandbox: { timeoutMs: 60_000 } });
    setTimeout(() => controller.abort(), 200);
    const started = Date.now();
    const { events, end } = await runToEnd(pg, { signal: controller.signal });
    expect(end.status).toBe('aborted');
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(ofType(events, 'step_end')).toHaveLength(1);
  });
});

describe('ToolCallingAgent loop', () => {
  const call = (name: string, args: unknown, id = name) => ({ id, name, arguments: args });

  it('runs several validated calls in one step and ends with the final_answer tool', async () => {
    const { model, requests } = recordingModel([
      { text: 'adding', toolCalls: [call('add', { a: 1, b: 2 }, 'c1'), call('word_length', { word: 'four' }, 'c2')] },
      { toolCalls: [call('final_answer', { answer: 'done' }, 'c3')] },
    ]);
    const { events, end } = await runToEnd(playground({ agent: { type: 'tool-calling' } }), { model });
    expect(end.finalAnswer).toBe('done');
    expect(ofType(events, 'tool_call_end').map((c) => c.result)).toEqual([3, 4, 'done']);
    expect(requests[0]!.tools!.map((t) => t.name)).toEqual(['add', 'word_length', 'explode', 'final_answer']);
    const toolMessages = requests[1]!.messages.filter((m) => m.role === 'tool');
    expect(toolMessages).toEqual([
      { role: 'tool', toolCallId: 'c1', toolName: 'add', content: '3' },
      { role: 'tool', toolCallId: 'c2', toolName: 'word_length', content: '4' },
    ]);
  });

  it('answers unknown tools and bad arguments with a clear error the model can act on', async () => {
    const { model, requests } = recordingModel([
      { toolCalls: [call('subtract', { a: 1 }, 'c1'), call('add', { a: 'one' }, 'c2'), call('explode', { why: 'boom' }, 'c3')] },
      { toolCalls: [call('final_answer', { answer: 0 }, 'c4')] },
    ]);
    const { end } = await runToEnd(playground({ agent: { type: 'tool-calling' } }), { model });
    expect(end.status).toBe('success');
    const tools = requests[1]!.messages.filter((m) => m.role === 'tool').map((m) => m.content);
    expect(tools[0]).toMatch(/no tool named 'subtract'.*add, word_length, explode, final_answer/);
    expect(tools[1]).toBe("Error: Invalid arguments for add: missing required argument `b`; argument `a` must be a number; got string.");
    expect(tools[2]).toMatch(/^Error: .*boom/);
  });

  it('says a tool that throws new Error("boom") failed with "Error: boom", never "Error: Error: boom"', async () => {
    const tools = `${MATH_TOOLS}
/**
 * Fails with a TypeError.
 * @param why The message.
 */
export function misuse(why: string): never {
  throw new TypeError(why);
}
`;
    const { model, requests } = recordingModel([
      { toolCalls: [call('explode', { why: 'boom' }, 'c1'), call('misuse', { why: 'bad input' }, 'c2')] },
      { toolCalls: [call('final_answer', { answer: 0 }, 'c3')] },
    ]);
    const { events } = await runToEnd(playground({ tools, agent: { type: 'tool-calling' } }), { model });
    // The call's record, the observation and the message the model gets next: each says the failure once.
    expect(ofType(events, 'tool_call_end').slice(0, 2).map((c) => c.error)).toEqual(['boom', 'TypeError: bad input']);
    expect(ofType(events, 'observation')[0]?.text).toBe('explode: Error: boom\nmisuse: Error: TypeError: bad input');
    expect(requests[1]!.messages.filter((m) => m.role === 'tool').map((m) => m.content)).toEqual(['Error: boom', 'Error: TypeError: bad input']);
  });

  it('tells the model to call a tool when it answers in plain text', async () => {
    const { model, requests } = recordingModel(['I think 3', { toolCalls: [call('final_answer', { answer: 3 }, 'c1')] }]);
    const { events } = await runToEnd(playground({ agent: { type: 'tool-calling' } }), { model });
    expect(ofType(events, 'step_error')[0]!.error.type).toBe('FormatError');
    expect(requests[1]!.messages.at(-1)!.content).toMatch(/without calling a tool/);
  });
});

describe('managed agents', () => {
  const pg = () =>
    playground({
      agent: {
        managedAgents: [
          {
            name: 'counter',
            description: 'Counts letters.',
            tools: ['word_length'],
            model: { provider: 'replay', responses: [js('const n = await word_length("abcdef");\nfinal_answer({ letters: n })')] },
          },
        ],
      },
      responses: [js('const report = await counter({ task: "count the letters of abcdef" });\nconsole.log(report.letters);'), js('final_answer(report.letters * 2)')],
    });

  it('runs the sub-agent as a tool, nests its events under the calling step, and returns its answer', async () => {
    const { events, end } = await runToEnd(pg());
    expect(end.finalAnswer).toBe(12);
    const sub = events.filter((e) => e.agent === 'counter');
    expect(sub.length).toBeGreaterThan(0);
    expect(sub.every((e) => e.parent?.agent === 'main' && e.parent.step === 1)).toBe(true);
    const subStart = sub.find((e) => e.type === 'run_start');
    expect(subStart?.type === 'run_start' && subStart.task).toMatch(/named 'counter'[\s\S]*count the letters of abcdef/);
    const managerCall = ofType(events, 'tool_call_end').find((c) => c.name === 'counter');
    expect(managerCall?.result).toEqual({ letters: 6 });
    expect(sub.find((e) => e.type === 'run_start')?.parent?.callId).toBe(managerCall?.callId);
  });

  it('shows every event, the team member’s too, to onEvent before the step’s code runs', async () => {
    const seen: string[] = [];
    let seenWhenToolRan: string[] = [];
    const onEvent = (e: { type: string; agent: string }) => {
      seen.push(`${e.agent}:${e.type}`);
      if (e.type === 'tool_call_start' && e.agent === 'counter') seenWhenToolRan = [...seen];
    };
    const { events } = await runToEnd(pg(), { onEvent });
    expect(seen).toEqual(events.map((e) => `${e.agent}:${e.type}`));
    expect(seenWhenToolRan).toContain('counter:code');
  });

  it('gives the sub-agent only its own tools and lists the member in the manager prompt', async () => {
    const { events } = await runToEnd(pg());
    const starts = events.filter((e) => e.type === 'run_start');
    const [main, sub] = starts.map((e) => (e.type === 'run_start' ? e.systemPrompt : ''));
    expect(main).toMatch(/async function counter\(request: \{ task: string/);
    expect(sub).toContain('word_length');
    expect(sub).not.toMatch(/function add\(/);
  });
});

describe('prompt templates of the playground', () => {
  it('sends the overridden system prompt and final-answer prompt to the model, and the trace derives the same input', async () => {
    const { model, requests } = recordingModel([js('console.log(1)'), 'It is 42.']);
    const pg = playground({
      agent: {
        maxSteps: 1,
        promptTemplates: { codeAgentSystem: 'SYSTEM MARKER\n{{tools}}', finalAnswer: 'FINAL MARKER for {{task}}' },
      },
    });
    const { events } = await runToEnd(pg, { model });
    expect(requests[0]!.messages[0]!.content).toMatch(/^SYSTEM MARKER\n/);
    expect(requests[1]!.messages.at(-1)!.content).toBe('FINAL MARKER for Do the thing.');
    const state = foldEvents(events);
    const run = state.runs[0]!;
    const final = state.steps.find((s) => s.kind === 'final')!;
    expect(modelInputForStep(run, state.steps, final).at(-1)!.content).toBe('FINAL MARKER for Do the thing.');
  });
});
