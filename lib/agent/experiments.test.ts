// Forking a run at a step, continuing a finished run with another task, and stepping through a run: engine features.
import { describe, expect, it } from 'vitest';
import { createAgentFromPlayground } from '../runner/create-agent-from-playground';
import { js, ofType, playground, recordingModel, runToEnd } from '../test-support/playgrounds';
import type { RunOptions } from './agent';
import type { AgentEvent } from './events';
import { forkPrefix } from './fork';
import { parseTrace, traceFromEvents } from '../trace/trace';
import { foldEvents } from './run-state';

async function collect(pg: ReturnType<typeof playground>, options: RunOptions & { model?: ReturnType<typeof recordingModel>['model'] } = {}) {
  const { model, ...runOptions } = options;
  const agent = createAgentFromPlayground(pg, { replayDelayMs: 0, ...(model ? { model } : {}) });
  const events: AgentEvent[] = [];
  for await (const e of agent.run(pg.task, runOptions)) events.push(e);
  return events;
}

describe('fork at a step', () => {
  it('replays the steps before it re-running their code, so a variable of step 1 is there at step 2 of the fork', async () => {
    const original = await runToEnd(
      playground({ responses: [js('const total = add(2, 3);\nconsole.log(total);'), js('final_answer(total * 2)')] }),
    );
    expect(original.end.finalAnswer).toBe(10);
    const runId = ofType(original.events, 'run_start')[0]!.runId;

    const { model, requests } = recordingModel([js('final_answer("after the fork")')]);
    const prefix = forkPrefix(original.events, 2, { text: js('final_answer(total * 100)') });
    const events = await collect(playground({ task: 'Do the thing.' }), { fork: prefix, model });
    const end = ofType(events, 'run_end')[0]!;
    expect(end.finalAnswer).toBe(500);
    expect(requests).toHaveLength(0);
    expect(ofType(events, 'run_start')[0]!.forkOf).toEqual({ runId, step: 2 });
    expect(ofType(events, 'step_start').map((s) => s.source)).toEqual(['recorded', 'edited']);
    expect(ofType(events, 'tool_call_end').map((c) => [c.name, c.result, c.recorded])).toEqual([['add', 5, undefined]]);
  });

  it('goes on with the live model after the edited step, its memory holding the replayed steps', async () => {
    const original = await runToEnd(playground({ responses: [js('const x = 7;\nconsole.log("x is", x);'), js('final_answer(x)')] }));
    const { model, requests } = recordingModel([js('final_answer(x + y)')]);
    const prefix = forkPrefix(original.events, 2, { text: js('const y = 1;\nconsole.log("y is", y);') });
    const events = await collect(playground(), { fork: prefix, model });
    expect(ofType(events, 'run_end')[0]!.finalAnswer).toBe(8);
    expect(requests).toHaveLength(1);
    const input = requests[0]!.messages.map((m) => m.content).join('\n');
    expect(input).toContain('x is 7');
    expect(input).toContain('y is 1');
    expect(ofType(events, 'step_start').map((s) => s.source)).toEqual(['recorded', 'edited', undefined]);
  });

  it('marks a tool call of a replayed step that answers differently this time, with what it answered before', async () => {
    const original = await runToEnd(playground({ responses: [js('console.log(add(1, 1));'), js('final_answer(1)')] }));
    // The same recording, with add's result changed as if the tool had answered 3 then.
    const altered = original.events.map((e) => (e.type === 'tool_call_end' ? { ...e, result: 3 } : e));
    const events = await collect(playground(), { fork: forkPrefix(altered, 2, { text: js('final_answer(2)') }) });
    expect(ofType(events, 'tool_call_end')[0]).toMatchObject({ name: 'add', result: 2, recorded: { result: 3 } });
    const step = foldEvents(events).steps[0]!;
    expect(step.toolCalls[0]!.recorded).toEqual({ result: 3 });
  });

  it("with the replay model, goes on with the responses recorded after the edited step", async () => {
    const responses = [js('const n = 4;\nconsole.log(n);'), js('console.log("parent step 2");'), js('final_answer(n * n)')];
    const original = await runToEnd(playground({ responses }));
    expect(original.end.finalAnswer).toBe(16);
    const pg = playground({ responses });
    const prefix = forkPrefix(original.events, 2, { text: js('const m = n + 1;\nconsole.log("edited", m);') });
    const agent = createAgentFromPlayground(pg, { replayDelayMs: 0, replaySkip: prefix.steps.length });
    const events: AgentEvent[] = [];
    for await (const e of agent.run(pg.task, { fork: prefix })) events.push(e);
    expect(ofType(events, 'run_end')[0]!.finalAnswer).toBe(16);
    expect(ofType(events, 'step_start').map((s) => s.source)).toEqual(['recorded', 'edited', undefined]);
    expect(foldEvents(events).steps[1]!.logs).toContain('edited 5');
  });

  it('its trace names the parent and step, marks replayed and edited steps and changed tool answers, and loads back', async () => {
    const original = await runToEnd(playground({ responses: [js('console.log(add(1, 1));'), js('final_answer(1)')] }));
    const altered = original.events.map((e) => (e.type === 'tool_call_end' ? { ...e, result: 3 } : e));
    const pg = playground();
    const events = await collect(pg, { fork: forkPrefix(altered, 2, { text: js('final_answer(2)') }) });
    const trace = parseTrace(JSON.parse(JSON.stringify(traceFromEvents(pg, events))));
    expect(trace.forkOf).toEqual({ runId: ofType(original.events, 'run_start')[0]!.runId, step: 2 });
    expect(trace.steps.map((s) => s.source)).toEqual(['recorded', 'edited']);
    expect(trace.steps[0]!.toolCalls[0]).toMatchObject({ name: 'add', result: 2, recorded: { result: 3 } });
  });

  it('refuses a step the run does not have', async () => {
    const original = await runToEnd(playground({ responses: [js('final_answer(1)')] }));
    expect(() => forkPrefix(original.events, 4, { text: '' })).toThrow('this run has no step 4 to re-run from');
  });
});

describe('continue a finished run with another task', () => {
  it('keeps the memory (the model sees the first task and its steps) and the sandbox session (its variables)', async () => {
    const { model, requests } = recordingModel([
      js('const city = "Paris";\nfinal_answer(city)'),
      js('final_answer(city + " again")'),
      js('final_answer(city.length)'),
    ]);
    const followUps = ['Say it again.', 'How long is it?'];
    const events = await collect(playground({ task: 'Name a city.' }), { model, nextTask: async () => followUps.shift() });
    const ends = ofType(events, 'run_end');
    expect(ends.map((e) => [e.status, e.finalAnswer])).toEqual([
      ['success', 'Paris'],
      ['success', 'Paris again'],
      ['success', 5],
    ]);
    expect(ofType(events, 'run_start')).toHaveLength(1);
    expect(ofType(events, 'follow_up').map((e) => e.task)).toEqual(['Say it again.', 'How long is it?']);
    expect(ofType(events, 'step_start').map((s) => s.step)).toEqual([1, 2, 3]);
    const third = requests[2]!.messages.map((m) => `${m.role}: ${m.content}`).join('\n');
    expect(third).toMatch(/Name a city\.[\s\S]*final_answer\(city\)[\s\S]*Say it again\.[\s\S]*final_answer\(city \+ " again"\)[\s\S]*How long is it\?/);
    const run = foldEvents(events).runs[0]!;
    expect(run.tasks).toEqual([
      { task: 'Name a city.', fromStep: 1 },
      { task: 'Say it again.', fromStep: 2 },
      { task: 'How long is it?', fromStep: 3 },
    ]);
    expect(run.status).toBe('success');
    expect(run.finalAnswer).toEqual({ value: 5 });
  });

  it('ends for good when Stop comes while it waits for the next task', async () => {
    const controller = new AbortController();
    const events = await collect(playground({ responses: [js('final_answer(1)')] }), {
      signal: controller.signal,
      nextTask: () => {
        controller.abort();
        return new Promise<string>(() => {});
      },
    });
    expect(ofType(events, 'run_end')).toHaveLength(1);
    expect(ofType(events, 'follow_up')).toHaveLength(0);
  });
});

describe('step through', () => {
  it('pauses after every step the run goes on from, and a long pause spends none of the step time limit', async () => {
    const paused: number[] = [];
    const events = await collect(
      playground({
        sandbox: { timeoutMs: 300 },
        responses: [js('const a = add(1, 2);'), js('let i = 0; const until = Date.now() + 100; while (Date.now() < until) i++;\nconsole.log(a);'), js('final_answer(a)')],
      }),
      {
        pauseAfterStep: async ({ step }) => {
          paused.push(step);
          await new Promise((resolve) => setTimeout(resolve, 400));
        },
      },
    );
    expect(paused).toEqual([1, 2]);
    expect(ofType(events, 'step_error')).toEqual([]);
    expect(ofType(events, 'run_end')[0]).toMatchObject({ status: 'success', finalAnswer: 3 });
  });

  it('Stop during a pause ends the run as stopped, with no step after it', async () => {
    const controller = new AbortController();
    const events = await collect(playground({ responses: [js('const a = 1;'), js('final_answer(a)')] }), {
      signal: controller.signal,
      pauseAfterStep: () => {
        controller.abort();
        return new Promise<void>(() => {});
      },
    });
    expect(ofType(events, 'step_start')).toHaveLength(1);
    expect(ofType(events, 'run_end')[0]!.status).toBe('aborted');
  });
});
