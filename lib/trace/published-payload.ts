// A published record's payload (`{playground, run?}` from GET /api/playgrounds/<id>), checked as a share link's is:
// the server checked it when it was stored; the page that shows it checks what it got. Pure: the embed uses it too.
import { parseAgentEvents } from '../agent/event-schema';
import { foldEvents } from '../agent/run-state';
import { formatProblems, parsePlayground } from '../playground/parse-playground';
import type { SharePayload } from '../share/share-link';

export type PublishedPayload = { ok: true; payload: SharePayload } | { ok: false; message: string };

export function readPublishedPayload(json: unknown): PublishedPayload {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, message: 'it holds no playground.' };
  const wire = json as { playground?: unknown; run?: unknown };
  const parsed = parsePlayground(wire.playground);
  if (!parsed.ok) return { ok: false, message: `its playground is not valid:\n${formatProblems(parsed.problems)}` };
  if (wire.run === undefined || wire.run === null) return { ok: true, payload: { playground: parsed.playground } };
  const events = parseAgentEvents((wire.run as { events?: unknown }).events);
  if (!events.ok) return { ok: false, message: `its recorded run is not valid (${events.message}).` };
  try {
    const state = foldEvents(events.events);
    if (events.events.length > 0 && !state.runs.some((r) => !r.parent)) return { ok: false, message: 'its recorded run has no run start.' };
  } catch {
    return { ok: false, message: 'its recorded run does not hang together (its events are out of order).' };
  }
  return { ok: true, payload: { playground: parsed.playground, run: { events: events.events } } };
}
