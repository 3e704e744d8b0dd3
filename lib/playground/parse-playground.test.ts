import { describe, expect, it } from 'vitest';
import { formatProblems, parsePlayground, parsePlaygroundJson } from './parse-playground';

describe('parsePlayground', () => {
  it('fills every default from a document that only has a version', () => {
    const r = parsePlayground({ version: 1 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.playground.agent).toMatchObject({ type: 'code', maxSteps: 10, planningInterval: null, managedAgents: [] });
    expect(r.playground.model).toEqual({ provider: 'replay', responses: [], delayMs: 0 });
    expect(r.playground.sandbox).toMatchObject({ kind: 'quickjs', timeoutMs: 10_000, memoryMb: 64, network: { enabled: false, allowedHosts: [] } });
  });

  it('names the path of every bad field at once', () => {
    const r = parsePlayground({
      version: 1,
      agent: { type: 'chat', maxSteps: 0 },
      model: { provider: 'replay', responses: ['ok', { toolCalls: [{ arguments: {} }] }] },
      sandbox: { network: { allowedHosts: ['https://x.com/path'] } },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.path)).toEqual([
      'agent.type',
      'agent.maxSteps',
      'model.responses[1].toolCalls[0].name',
      'sandbox.network.allowedHosts[0]',
    ]);
    expect(formatProblems(r.problems)).toMatch(/sandbox\.network\.allowedHosts\[0\]: must be a host name/);
  });

  it('keeps recorded responses per agent type, and names a bad one or an unknown agent type by its path', () => {
    const both = { code: ['Thought\n```js\nfinal_answer(1)\n```'], 'tool-calling': [{ toolCalls: [{ name: 'final_answer', arguments: { answer: 1 } }] }] };
    const ok = parsePlayground({ version: 1, model: { provider: 'replay', responses: both } });
    expect(ok.ok && ok.playground.model).toEqual({ provider: 'replay', responses: both, delayMs: 0 });
    const bad = parsePlayground({ version: 1, model: { provider: 'replay', responses: { 'tool-calling': ['ok', { toolCalls: [{ arguments: {} }] }] } } });
    expect(!bad.ok && bad.problems.map((p) => p.path)).toEqual(['model.responses.tool-calling[1].toolCalls[0].name']);
    const unknown = parsePlayground({ version: 1, model: { provider: 'replay', responses: { chat: [] } } });
    expect(!unknown.ok && unknown.problems).toEqual([{ path: 'model.responses.chat', message: 'unknown field' }]);
  });

  it('refuses a secret-looking field and says secrets never belong in a playground', () => {
    const r = parsePlayground({ version: 1, model: { provider: 'replay', apiKey: 'sk-123' } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([{ path: 'model.apiKey', message: expect.stringMatching(/secrets such as API keys never belong/) }]);
  });

  it('refuses unknown fields, a missing version and a newer version with a clear message', () => {
    const unknown = parsePlayground({ version: 1, tittle: 'x' });
    expect(!unknown.ok && unknown.problems[0]).toEqual({ path: 'tittle', message: 'unknown field' });
    const none = parsePlayground({ title: 'x' });
    expect(!none.ok && none.problems[0]?.path).toBe('version');
    const newer = parsePlayground({ version: 9 });
    expect(!newer.ok && newer.problems[0]?.message).toMatch(/newer than this app understands/);
    expect(parsePlayground([]).ok).toBe(false);
  });

  it('requires each managed agent to have its own responses under the replay model, and unique names', () => {
    const r = parsePlayground({
      version: 1,
      agent: {
        managedAgents: [
          { name: 'helper', description: 'Helps.' },
          { name: 'helper', description: 'Helps too.', model: { provider: 'replay', responses: [] } },
        ],
      },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.path)).toEqual(['agent.managedAgents[0].model', 'agent.managedAgents[1].name']);
  });

  it('keeps a model\'s tool call format, on every kind of model, and names a bad one by its path', () => {
    for (const model of [{ provider: 'replay' }, { provider: 'manual' }, { provider: 'openai-compatible', baseURL: 'http://localhost:11434/v1', model: 'llama3.2' }]) {
      const r = parsePlayground({ version: 1, model: { ...model, toolCallFormat: 'text' } });
      expect(r.ok && r.playground.model.toolCallFormat).toBe('text');
    }
    const bad = parsePlayground({ version: 1, model: { provider: 'manual', toolCallFormat: 'xml' } });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(formatProblems(bad.problems)).toContain('model.toolCallFormat: the tool call format is "native" or "text"');
  });

  it('reports broken JSON text instead of throwing', () => {
    const r = parsePlaygroundJson('{"version": 1,');
    expect(!r.ok && r.problems[0]?.message).toMatch(/^not valid JSON/);
  });
});
