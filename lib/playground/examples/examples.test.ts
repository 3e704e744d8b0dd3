import { describe, expect, it } from 'vitest';
import { ofType, runToEnd } from '../../test-support/playgrounds';
import { EXAMPLES } from '.';

const EXPECTED: Record<string, unknown> = {
  'warmest-city': 'Cairo: 34 °C (93.2 °F)',
  'weather-tool-calls': 'Tomorrow in Oslo: cloudy, high 57.2 °F, low 42.8 °F.',
  'top-products': '1. Carcassonne: 145 €\n2. Catan: 117 €\n3. Kind of Blue (vinyl): 84 €',
  'library-team': 'The Left Hand of Darkness (304 pages) is the longest, 121 pages longer than A Wizard of Earthsea.',
};

describe('bundled examples', () => {
  it('are at least four: code agents, a tool-calling agent and a managed agent', () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(4);
    expect(EXAMPLES.some((e) => e.playground.agent.type === 'tool-calling')).toBe(true);
    expect(EXAMPLES.some((e) => e.playground.agent.managedAgents.length > 0)).toBe(true);
  });

  for (const example of EXAMPLES) {
    it(`${example.id} runs offline to its final answer over several steps`, async () => {
      const { events, end } = await runToEnd(example.playground);
      expect(end.status).toBe('success');
      expect(end.finalAnswer).toEqual(EXPECTED[example.id]);
      const actions = ofType(events, 'step_start').filter((s) => s.kind === 'action');
      expect(actions.length).toBeGreaterThanOrEqual(2);
      // Several tool calls in one step (counting the managed agent's steps too).
      const callsPerStep = new Map<string, number>();
      for (const e of events) if (e.type === 'tool_call_start') callsPerStep.set(`${e.agent}@${e.step}`, (callsPerStep.get(`${e.agent}@${e.step}`) ?? 0) + 1);
      expect(Math.max(...callsPerStep.values())).toBeGreaterThanOrEqual(2);
    });
  }
});
