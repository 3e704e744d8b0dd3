import { describe, expect, it } from 'vitest';
import type { AgentEvent } from '../../agent';
import { ofType, runToEnd } from '../../test-support/playgrounds';
import type { Playground } from '../schema';
import { EXAMPLES } from '.';

const EXPECTED: Record<string, unknown> = {
  'warmest-city': 'Cairo: 34 °C (93.2 °F)',
  'weather-tool-calls': 'Tomorrow in Oslo: cloudy, high 57.2 °F, low 42.8 °F.',
  'top-products': '1. Carcassonne: 145 €\n2. Catan: 117 €\n3. Kind of Blue (vinyl): 84 €',
  'library-team': 'The Left Hand of Darkness (304 pages) is the longest, 121 pages longer than A Wizard of Earthsea.',
  'tool-fault-retry': 'Tomorrow in Lisbon: sunny, high 75.2 °F, low 60.8 °F.',
};

const TYPES = ['code', 'tool-calling'] as const;
const NAMES = { code: 'CodeAgent', 'tool-calling': 'ToolCallingAgent' } as const;

function asType(pg: Playground, type: (typeof TYPES)[number], memberType?: (typeof TYPES)[number]): Playground {
  return {
    ...pg,
    agent: { ...pg.agent, type, managedAgents: pg.agent.managedAgents.map((m) => ({ ...m, type: memberType ?? m.type })) },
  };
}

/** Steps that failed for a reason other than the example's own deliberate mistake: a reply in the wrong format, a replay run dry. */
function formatOrModelErrors(events: AgentEvent[]) {
  return events.filter((e) => e.type === 'step_error' && (e.error.type === 'FormatError' || e.error.type === 'ModelError'));
}

describe('bundled examples', () => {
  it('are at least four: code agents, a tool-calling agent and a managed agent', () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(4);
    expect(EXAMPLES.some((e) => e.playground.agent.type === 'tool-calling')).toBe(true);
    expect(EXAMPLES.some((e) => e.playground.agent.managedAgents.length > 0)).toBe(true);
  });

  for (const example of EXAMPLES) {
    for (const type of TYPES) {
      it(`${example.id} runs offline as a ${NAMES[type]} to its final answer over several steps`, async () => {
        const { events, end } = await runToEnd(asType(example.playground, type));
        expect(formatOrModelErrors(events)).toEqual([]);
        expect(end.status).toBe('success');
        expect(end.finalAnswer).toEqual(EXPECTED[example.id]);
        expect(ofType(events, 'run_start')[0]!.agentType).toBe(type);
        const actions = ofType(events, 'step_start').filter((s) => s.kind === 'action');
        expect(actions.length).toBeGreaterThanOrEqual(2);
        // Several tool calls in one step (counting the managed agent's steps too).
        const callsPerStep = new Map<string, number>();
        for (const e of events) if (e.type === 'tool_call_start') callsPerStep.set(`${e.agent}@${e.step}`, (callsPerStep.get(`${e.agent}@${e.step}`) ?? 0) + 1);
        expect(Math.max(...callsPerStep.values())).toBeGreaterThanOrEqual(2);
      });
    }

    it(`${example.id} has recorded responses for both agent types, and a description that claims neither alone`, () => {
      const { responses } = example.playground.model as Extract<Playground['model'], { provider: 'replay' }>;
      expect(Array.isArray(responses)).toBe(false);
      for (const type of TYPES) expect((responses as Record<string, unknown[]>)[type]?.length).toBeGreaterThan(0);
      expect(example.playground.description).not.toMatch(/^An? (CodeAgent|ToolCallingAgent)\b/);
      expect(example.playground.description).toMatch(/CodeAgent/);
      expect(example.playground.description).toMatch(/ToolCallingAgent/);
    });
  }

  for (const type of TYPES) {
    it(`tool-fault-retry: as a ${NAMES[type]}, the weather tool's first call fails as an injected fault and the agent recovers`, async () => {
      const example = EXAMPLES.find((e) => e.id === 'tool-fault-retry')!;
      const { events, end } = await runToEnd(asType(example.playground, type));
      const weather = ofType(events, 'tool_call_end').filter((e) => e.name === 'get_weather');
      expect(weather[0]).toMatchObject({ error: 'the weather service is unavailable (503); try again in a moment', injected: [{ kind: 'fail' }] });
      expect(weather[1]!.injected).toBeUndefined();
      expect(weather[1]!.result).toMatchObject({ city: 'Lisbon', highC: 24, lowC: 16 });
      expect(ofType(events, 'tool_call_end').filter((e) => e.injected)).toHaveLength(1);
      expect(end).toMatchObject({ status: 'success', finalAnswer: EXPECTED['tool-fault-retry'] });
    });
  }

  const team = EXAMPLES.filter((e) => e.playground.agent.managedAgents.length > 0);
  for (const example of team) {
    for (const type of TYPES) {
      for (const memberType of TYPES) {
        it(`${example.id} runs with a ${NAMES[type]} manager and a ${NAMES[memberType]} team member`, async () => {
          const { events, end } = await runToEnd(asType(example.playground, type, memberType));
          expect(formatOrModelErrors(events)).toEqual([]);
          expect(end.finalAnswer).toEqual(EXPECTED[example.id]);
          const memberStart = events.find((e) => e.type === 'run_start' && e.agent !== 'main');
          expect(memberStart?.type === 'run_start' && memberStart.agentType).toBe(memberType);
        });
      }
    }
  }
});
