import { describe, expect, it } from 'vitest';
import type { ExecutionResult } from '../sandbox/types';
import { buildObservation, STATE_LOST_NOTE } from './observation';

const result = (r: Partial<ExecutionResult>): ExecutionResult => ({ logs: '', toolCalls: [], cancelledTimers: 0, durationMs: 1, ...r });

describe('buildObservation', () => {
  it('shows the logs and the last value, as the model will read them', () => {
    expect(buildObservation(result({ logs: 'a\nb\n', output: '42' }), 1000)).toBe('Execution logs:\na\nb\nLast output from code snippet:\n42');
  });

  it('says when the code printed nothing, but stays empty for a failed step so only the error shows', () => {
    expect(buildObservation(result({}), 1000)).toBe('The code ran and printed nothing.');
    expect(buildObservation(result({ error: { type: 'TypeError', message: 'x' } }), 1000)).toBe('');
    expect(buildObservation(result({ finalAnswer: { value: 1 } }), 1000)).toBe('');
  });

  it('cuts a long observation in the middle, keeps head and tail, and says so', () => {
    const logs = `HEAD${'x'.repeat(10_000)}TAIL`;
    const text = buildObservation(result({ logs }), 1_000);
    expect(text.startsWith('Execution logs:\nHEAD')).toBe(true);
    expect(text.endsWith('TAIL')).toBe(true);
    expect(text).toMatch(/characters cut from the middle/);
    expect(text.length).toBeLessThan(1_200);
  });

  it('tells the model when its state was lost and when timers were cancelled', () => {
    const text = buildObservation(result({ stateLost: true, cancelledTimers: 2 }), 1000);
    expect(text).toContain(STATE_LOST_NOTE);
    expect(text).toMatch(/2 timer\(s\) were still pending/);
  });
});
