import { describe, expect, it } from 'vitest';
import type { AgentRunState, RunState, StepState } from '../agent/run-state';
import { replayResponsesFromRun } from './replay-from-run';

function run(over: Partial<AgentRunState> = {}): AgentRunState {
  return { key: 'main', agent: 'main', runId: 'r', task: 't', tasks: [{ task: 't', fromStep: 1 }], agentType: 'code', systemPrompt: '', maxSteps: 5, model: 'm', sandbox: 's', startedAt: '', status: 'success', usage: { inputTokens: 0, outputTokens: 0 }, ...over };
}
function step(over: Partial<StepState>): StepState {
  return { id: 'x', runKey: 'main', agent: 'main', index: 1, kind: 'action', modelOutput: '', modelDone: true, toolCalls: [], logs: '', done: true, startedAt: 0, ...over };
}

describe('replayResponsesFromRun', () => {
  it('turns the top-level steps into responses in order, with tool calls and reported usage', () => {
    const state: RunState = {
      runs: [run({ agentType: 'tool-calling' })],
      steps: [
        step({ kind: 'planning', modelOutput: 'plan' }),
        step({ modelOutput: 'calling', modelToolCalls: [{ id: 'c1', name: 'add', arguments: { a: 1 } }], usage: { inputTokens: 10, outputTokens: 2 } }),
        step({ modelOutput: 'done', usage: { inputTokens: 3, outputTokens: 1, estimated: true } }),
      ],
    };
    expect(replayResponsesFromRun(state)).toEqual({
      type: 'tool-calling',
      main: ['plan', { text: 'calling', toolCalls: [{ id: 'c1', name: 'add', arguments: { a: 1 } }], usage: { inputTokens: 10, outputTokens: 2 } }, 'done'],
      managed: {},
    });
  });

  it('gives team members their own lists, by name', () => {
    const state: RunState = {
      runs: [run(), run({ key: 'main#1/c/helper', agent: 'helper', parent: { agent: 'main', step: 1, callId: 'c' } })],
      steps: [step({ modelOutput: 'ask helper' }), step({ runKey: 'main#1/c/helper', agent: 'helper', parent: { agent: 'main', step: 1, callId: 'c' }, modelOutput: 'helped' }), step({ modelOutput: 'final' })],
    };
    expect(replayResponsesFromRun(state)).toMatchObject({ main: ['ask helper', 'final'], managed: { helper: ['helped'] } });
  });

  it('gives nothing while the run is still going or when no model turn was recorded', () => {
    expect(replayResponsesFromRun({ runs: [run({ status: 'running' })], steps: [step({ modelOutput: 'x' })] })).toBeUndefined();
    expect(replayResponsesFromRun({ runs: [run({ status: 'error' })], steps: [] })).toBeUndefined();
  });
});
