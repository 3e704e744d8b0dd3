import { describe, expect, it } from 'vitest';
import { createManualModel } from './manual-model';
import type { ModelRequest } from './types';

const request: ModelRequest = { messages: [{ role: 'user', content: 'task' }], purpose: 'action', agent: 'main' };

describe('manual model', () => {
  it('hands the exact request to the person and returns their turn', async () => {
    let seen: ModelRequest | undefined;
    const model = createManualModel(async (r) => {
      seen = r;
      return 'Thought: I will answer.\n```js\nfinal_answer(1)\n```';
    });
    const r = await model.generate(request);
    expect(seen).toBe(request);
    expect(r.text).toMatch(/final_answer\(1\)/);
    expect(r.usage?.estimated).toBe(true);
  });

  it('passes tool calls written by the person through', async () => {
    const model = createManualModel(async () => ({ text: '', toolCalls: [{ id: 'm1', name: 'final_answer', arguments: { answer: 2 } }] }));
    expect((await model.generate(request)).toolCalls?.[0]?.name).toBe('final_answer');
  });

  it('gives up waiting for the person when the run is stopped', async () => {
    const controller = new AbortController();
    const model = createManualModel(() => new Promise(() => {}));
    const pending = model.generate(request, { signal: controller.signal });
    controller.abort(new Error('stopped by the user'));
    await expect(pending).rejects.toThrow('stopped by the user');
  });
});
