import { beforeAll, describe, expect, it } from 'vitest';
import type { AgentEvent } from '../agent';
import { EXAMPLES } from '../playground/examples';
import { runToEnd } from '../test-support/playgrounds';
import { readPublishedPayload } from './published-payload';

let events: AgentEvent[];
beforeAll(async () => {
  events = (await runToEnd(EXAMPLES[0]!.playground)).events;
});

describe('a published record’s payload', () => {
  it('opens with its playground, and its run when it has one', () => {
    expect(readPublishedPayload({ playground: EXAMPLES[0]!.playground })).toEqual({ ok: true, payload: { playground: EXAMPLES[0]!.playground } });
    const read = readPublishedPayload({ playground: EXAMPLES[0]!.playground, run: { events } });
    expect(read.ok && read.payload.run?.events).toHaveLength(events.length);
  });

  it('says what is wrong with a broken one', () => {
    expect(readPublishedPayload([])).toEqual({ ok: false, message: 'it holds no playground.' });
    expect(readPublishedPayload({ playground: { version: 1, task: 3 } })).toMatchObject({ ok: false, message: expect.stringContaining('its playground is not valid') });
    expect(readPublishedPayload({ playground: EXAMPLES[0]!.playground, run: { events: [{ type: 'nonsense' }] } })).toMatchObject({ ok: false, message: expect.stringContaining('its recorded run is not valid') });
    const noStart = events.filter((e) => e.type !== 'run_start');
    expect(readPublishedPayload({ playground: EXAMPLES[0]!.playground, run: { events: noStart } }).ok).toBe(false);
  });
});
