// The built-in tools in real runs: declared in the prompt like the user's tools, called from the sandbox (CodeAgent) and
// as tool calls (ToolCallingAgent), the person's answer recorded as the call's result.
import { describe, expect, it } from 'vitest';
import { js, ofType, playground, recordingModel, runToEnd } from '../test-support/playgrounds';
import { createNodeExecutor } from '../sandbox/node/create-node-executor';
import { analyzePlayground } from './analyze-playground';
import { createAgentFromPlayground, PlaygroundSetupError } from './create-agent-from-playground';

const asked: string[] = [];
const ask = async (question: string) => {
  asked.push(question);
  return 'blue';
};

describe('user_input in a CodeAgent run', () => {
  it('asks the person, records the answer as the tool result, and the answer reaches final_answer', async () => {
    const pg = playground({
      builtinTools: ['user_input'],
      responses: [js('const colour = await user_input("Which colour?");\nfinal_answer(`You chose ${colour}`);')],
    });
    const { events, end } = await runToEnd(pg, { ask });
    expect(asked.at(-1)).toBe('Which colour?');
    expect(ofType(events, 'tool_call_end')[0]).toMatchObject({ name: 'user_input', result: 'blue' });
    expect(end).toMatchObject({ status: 'success', finalAnswer: 'You chose blue' });
    const prompt = ofType(events, 'run_start')[0]!.systemPrompt;
    expect(prompt).toMatch(/Asks the person running the agent a question[\s\S]*async function user_input\(question: string\): Promise<string>/);
    expect(prompt).toBe(analyzePlayground(pg).systemPrompt);
  });

  it('in QuickJS, the time the person takes does not count against the step time limit', async () => {
    const slowPerson = (question: string) => new Promise<string>((resolve) => setTimeout(() => resolve(`late answer to ${question}`), 1_200));
    const pg = playground({
      builtinTools: ['user_input'],
      sandbox: { timeoutMs: 400 },
      responses: [js('const a = await user_input("Ready?");\nfinal_answer(a);')],
    });
    const { end } = await runToEnd(pg, { ask: slowPerson });
    expect(end).toMatchObject({ status: 'success', finalAnswer: 'late answer to Ready?' });
  });

  it('without anyone to ask, the step says so and the loop goes on', async () => {
    const pg = playground({ builtinTools: ['user_input'], responses: [js('await user_input("Which colour?");'), js('final_answer("red")')] });
    const { events, end } = await runToEnd(pg);
    expect(ofType(events, 'step_error')[0]!.error.message).toMatch(/user_input: nobody can answer here/);
    expect(end).toMatchObject({ status: 'success', finalAnswer: 'red' });
  });

  it('is not there when the playground does not turn it on', async () => {
    const pg = playground({ responses: [js('await user_input("Which colour?");'), js('final_answer(1)')] });
    const { events } = await runToEnd(pg, { ask });
    expect(ofType(events, 'run_start')[0]!.systemPrompt).not.toMatch(/user_input/);
    expect(ofType(events, 'step_error')[0]!.error.message).toMatch(/'user_input' is not defined/);
  });
});

describe('the built-ins in the Node kernel sandbox', () => {
  it('are called through the kernel the same way', async () => {
    const pg = playground({
      builtinTools: ['user_input', 'web_search'],
      responses: [js('const c = await user_input("Which colour?");\nconst s = await web_search("paint");\nfinal_answer(`${c} / ${s.slice(0, 27)}`);')],
    });
    const { events, end } = await runToEnd(pg, { ask, createExecutor: (options) => createNodeExecutor(options) });
    expect(ofType(events, 'run_start')[0]!.sandbox).toBe('node');
    expect(end).toMatchObject({ status: 'success', finalAnswer: 'blue / web_search is not available' });
    expect(ofType(events, 'tool_call_end').map((c) => c.name)).toEqual(['user_input', 'web_search']);
  });
});

describe('user_input in a ToolCallingAgent run', () => {
  it('gets its schema natively and its answer as the observation', async () => {
    const { model, requests } = recordingModel([
      { toolCalls: [{ id: 'c1', name: 'user_input', arguments: { question: 'Your name?' } }] },
      { toolCalls: [{ id: 'c2', name: 'final_answer', arguments: { answer: 'hi' } }] },
    ]);
    const pg = playground({ builtinTools: ['user_input', 'web_search'], agent: { type: 'tool-calling' } });
    const { events, end } = await runToEnd(pg, { ask, model });
    expect(requests[0]!.tools!.find((t) => t.name === 'user_input')!.parameters).toMatchObject({ type: 'object', required: ['question'] });
    expect(requests[0]!.tools!.map((t) => t.name)).toEqual(expect.arrayContaining(['add', 'user_input', 'web_search', 'final_answer']));
    expect(asked.at(-1)).toBe('Your name?');
    expect(ofType(events, 'observation')[0]!.text).toBe('user_input: blue');
    expect(end.status).toBe('success');
  });
});

describe('web_search in a run', () => {
  it('without a key returns the message as its result (the step does not fail)', async () => {
    const pg = playground({ builtinTools: ['web_search'], responses: [js('const r = await web_search("cats");\nfinal_answer(r);')] });
    const { end } = await runToEnd(pg);
    expect(end.status).toBe('success');
    expect(end.finalAnswer).toMatch(/^web_search is not available: no Brave Search API key was given/);
  });
});

describe('built-in tool setup', () => {
  it('refuses a built-in that has the name of a tool of the source, naming both', () => {
    const pg = playground({
      builtinTools: ['visit_webpage'],
      tools: '/** Mine. @param url An address. */\nexport function visit_webpage(url: string): string { return url; }\n',
    });
    expect(() => createAgentFromPlayground(pg)).toThrow(PlaygroundSetupError);
    expect(() => createAgentFromPlayground(pg)).toThrow(/the built-in tool 'visit_webpage' and the tool 'visit_webpage' of the tools source have the same name/);
  });

  it('rejects an unknown or repeated built-in in the document, saying which ones exist', () => {
    expect(() => playground({ builtinTools: ['shell' as 'user_input'] })).toThrow(/builtinTools.*a built-in tool is one of user_input, visit_webpage, web_search/s);
    expect(() => playground({ builtinTools: ['user_input', 'user_input'] })).toThrow(/'user_input' is listed twice/);
  });
});
