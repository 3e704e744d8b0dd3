// user_input in a fork: the recorded steps' answers are given again without asking; the edited step and later ones ask.
import { describe, expect, it } from 'vitest';
import { recordedAnswers, replayingAsker } from './user-input';

describe('user_input answers in a fork', () => {
  it('replays the answers of the unedited recorded steps, in order, then asks the person', async () => {
    const steps = [
      { response: { text: 'a' }, toolCalls: [{ name: 'user_input', result: 'Ada' }, { name: 'add', result: 3 }] },
      { response: { text: 'b' }, toolCalls: [{ name: 'user_input', error: 'stopped' }, { name: 'user_input', result: 'Paris' }] },
      { response: { text: 'edited' }, toolCalls: [{ name: 'user_input', result: 'from the step being edited' }] },
    ];
    expect(recordedAnswers(steps)).toEqual(['Ada', 'Paris']);
    const asked: string[] = [];
    const ask = replayingAsker(recordedAnswers(steps), async (q) => {
      asked.push(q);
      return 'live';
    });
    const ctx = { signal: new AbortController().signal, callId: 'c' };
    expect([await ask('name?', ctx), await ask('city?', ctx), await ask('new?', ctx)]).toEqual(['Ada', 'Paris', 'live']);
    expect(asked).toEqual(['new?']);
  });
});
