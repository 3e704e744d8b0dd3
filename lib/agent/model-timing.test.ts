// The model call's timing on model_end: its duration and, when text streamed, the time to its first piece.
import { describe, expect, it } from 'vitest';
import type { ModelClient } from '../models/types';
import { js, ofType, playground, recordingModel, runToEnd } from '../test-support/playgrounds';
import { parseAgentEvents } from './event-schema';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A model that thinks for `waitMs` before its first piece of text, then streams the rest after `restMs`. */
function slowStreamingModel(answer: string, waitMs: number, restMs: number): ModelClient {
  return {
    id: 'slow',
    async generate(_request, { onTextDelta } = {}) {
      await sleep(waitMs);
      onTextDelta?.(answer.slice(0, 5));
      await sleep(restMs);
      onTextDelta?.(answer.slice(5));
      return { text: answer, usage: { inputTokens: 10, outputTokens: 5 } };
    },
  };
}

describe('model call timing', () => {
  it('records the time to the first streamed token on model_end, within the call', async () => {
    const { events } = await runToEnd(playground(), { model: slowStreamingModel(js('final_answer(1)'), 60, 60) });
    const end = ofType(events, 'model_end')[0]!;
    expect(end.firstTokenMs).toBeGreaterThanOrEqual(50);
    expect(end.firstTokenMs).toBeLessThan(end.durationMs);
    expect(end.durationMs).toBeGreaterThanOrEqual(110);
    // It survives the checks a shared run or an imported trace goes through.
    expect(parseAgentEvents(events)).toMatchObject({ ok: true });
  });

  it('has no first-token time when nothing streamed', async () => {
    const { model } = recordingModel([js('final_answer(1)')]);
    const { events } = await runToEnd(playground(), { model });
    expect(ofType(events, 'model_end')[0]!).not.toHaveProperty('firstTokenMs');
  });

  it('refuses a negative first-token time from outside', () => {
    const event = { type: 'model_end', agent: 'main', t: 5, step: 1, text: '', usage: { inputTokens: 1, outputTokens: 1 }, durationMs: 4, firstTokenMs: -1 };
    expect(parseAgentEvents([event])).toMatchObject({ ok: false });
  });
});
