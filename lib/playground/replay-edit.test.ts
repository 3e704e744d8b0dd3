import { describe, expect, it } from 'vitest';
import { checkReplayList, checkSaveRunAsReplay, draftOf, parseDraft } from './replay-edit';
import { playgroundSchema } from './schema';

const replayDoc = playgroundSchema.parse({ version: 1, model: { provider: 'replay', responses: { code: ['a'], 'tool-calling': ['b'] } } });

describe('parseDraft', () => {
  it('keeps plain text as a plain response and tool calls as an object, with the usage of the one edited', () => {
    expect(parseDraft({ text: 'hi', toolCalls: '' })).toEqual({ ok: true, response: 'hi' });
    const edited = parseDraft({ text: 'x', toolCalls: '[{"name":"add","arguments":{"a":1}}]' }, { text: 'y', usage: { inputTokens: 1, outputTokens: 2 } });
    expect(edited).toEqual({ ok: true, response: { text: 'x', toolCalls: [{ name: 'add', arguments: { a: 1 } }], usage: { inputTokens: 1, outputTokens: 2 } } });
  });

  it('refuses tool calls that are not JSON or break the schema, saying where', () => {
    expect(parseDraft({ text: '', toolCalls: '[{' })).toMatchObject({ ok: false, problems: [{ field: 'toolCalls', message: expect.stringContaining('not valid JSON') }] });
    expect(parseDraft({ text: '', toolCalls: '[{"name":"","arguments":{}}]' })).toMatchObject({ ok: false, problems: [{ field: 'toolCalls', message: expect.stringContaining('a tool call needs the tool name') }] });
  });

  it('round-trips through the editor’s draft', () => {
    const response = { text: 't', toolCalls: [{ id: '1', name: 'f', arguments: {} }] };
    expect(parseDraft(draftOf(response))).toEqual({ ok: true, response });
  });
});

describe('checkReplayList', () => {
  it('replaces the list of one agent type and keeps the other', () => {
    const edit = checkReplayList(replayDoc, 'code', ['c1', 'c2']);
    expect(edit.ok && edit.doc.model).toMatchObject({ responses: { code: ['c1', 'c2'], 'tool-calling': ['b'] } });
  });

  it('refuses when the model is not replay', () => {
    expect(checkReplayList(playgroundSchema.parse({ version: 1, model: { provider: 'manual' } }), 'code', [])).toMatchObject({ ok: false });
  });
});

describe('checkSaveRunAsReplay', () => {
  it('makes a live model replay the run under its agent type, with no key', () => {
    const live = playgroundSchema.parse({ version: 1, model: { provider: 'openai', model: 'gpt' } });
    const edit = checkSaveRunAsReplay(live, { type: 'code', main: ['one', 'two'], managed: {} });
    expect(edit.ok && edit.doc.model).toEqual({ provider: 'replay', responses: { code: ['one', 'two'] }, delayMs: 0 });
  });

  it('keeps the text tool call format of a model whose run it replays, so the run replays the same way', () => {
    const live = playgroundSchema.parse({ version: 1, model: { provider: 'openai-compatible', baseURL: 'http://localhost:11434/v1', model: 'llama3.2', toolCallFormat: 'text' } });
    const edit = checkSaveRunAsReplay(live, { type: 'tool-calling', main: ['{"name": "final_answer", "arguments": {"answer": 1}}'], managed: {} });
    expect(edit.ok && edit.doc.model).toMatchObject({ provider: 'replay', toolCallFormat: 'text' });
  });

  it('keeps the other agent type’s list and gives each team member its recorded calls', () => {
    const withTeam = playgroundSchema.parse({ ...replayDoc, agent: { managedAgents: [{ name: 'helper', description: 'helps', model: { provider: 'replay', responses: ['old'] } }] } });
    const edit = checkSaveRunAsReplay(withTeam, { type: 'code', main: ['new'], managed: { helper: ['helped'] } });
    expect(edit.ok && edit.doc.model).toMatchObject({ responses: { code: ['new'], 'tool-calling': ['b'] } });
    expect(edit.ok && edit.doc.agent.managedAgents[0]!.model).toEqual({ provider: 'replay', responses: ['helped'], delayMs: 0 });
  });
});
