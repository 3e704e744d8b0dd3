// What a publish request must hold: the very payload a share link carries, checked as links check it (structural
// limits on the text before parsing, the playground schema that refuses unknown and secret-shaped fields, the run's
// event schema and its coherence), so nothing is stored that a link could not carry.
import type { AgentEvent } from '../agent/events';
import { foldEvents } from '../agent/run-state';
import { parseAgentEvents } from '../agent/event-schema';
import { parsePlayground, type FieldProblem } from '../playground/parse-playground';
import { compactEvents, type SharePayload } from '../share/share-link';
import { parseJsonWithinLimits, STRUCTURAL_LIMITS } from '../share/structural-limits';

export type PayloadCheck = { ok: true; payload: SharePayload } | { ok: false; error: string; problems: FieldProblem[] };

const WORDING = { subject: 'This playground', plural: 'published playgrounds' };
/** The words parse-playground.ts treats as secret-shaped in a field name. */
const SECRET_SHAPED = /key|token|secret|password|authorization/i;

/** `text`: the request body, already within the size limit. */
export function validatePayloadText(text: string): PayloadCheck {
  // The size was checked by the caller (413); depth and list lengths here, before JSON.parse.
  const parsed = parseJsonWithinLimits(text, WORDING, { ...STRUCTURAL_LIMITS, maxJsonBytes: Number.MAX_SAFE_INTEGER });
  if (!parsed.ok) {
    return invalid(parsed.problem ? parsed.message : 'The request body is not valid JSON.', [{ path: '', message: parsed.message }]);
  }
  return validatePayload(parsed.json);
}

export function validatePayload(json: unknown): PayloadCheck {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return invalid('The request body must be a JSON object {"playground": …, "run"?: …}.', [{ path: '', message: 'must be a JSON object' }]);
  }
  const body = json as Record<string, unknown>;
  const problems = unknownFields(body, ['playground', 'run'], '');
  const playground = parsePlayground(body.playground);
  if (!playground.ok) problems.push(...playground.problems.map((p) => ({ path: p.path ? `playground.${p.path}` : 'playground', message: p.message })));
  let events: AgentEvent[] | undefined;
  if (body.run !== undefined) {
    if (typeof body.run !== 'object' || body.run === null || Array.isArray(body.run)) problems.push({ path: 'run', message: 'must be an object {"events": […]}' });
    else {
      problems.push(...unknownFields(body.run as Record<string, unknown>, ['events'], 'run'));
      const parsedEvents = parseAgentEvents((body.run as { events?: unknown }).events);
      if (!parsedEvents.ok) problems.push({ path: 'run.events', message: parsedEvents.message });
      else if (!hangsTogether(parsedEvents.events)) problems.push({ path: 'run.events', message: 'the recorded run does not hang together (its events are out of order)' });
      else events = parsedEvents.events;
    }
  }
  if (problems.length > 0 || !playground.ok) {
    const secret = problems.some((p) => /secrets such as API keys/.test(p.message));
    return invalid(secret ? 'The playground holds a secret-shaped field: keys are never published.' : 'The playground is not valid.', problems);
  }
  // Streamed pieces repeat in model_end: stored like a link stores them, so the same run gives the same id.
  return { ok: true, payload: { playground: playground.playground, ...(events ? { run: { events: compactEvents(events) } } : {}) } };
}

function hangsTogether(events: AgentEvent[]): boolean {
  try {
    const state = foldEvents(events);
    return events.length === 0 || state.runs.some((r) => !r.parent);
  } catch {
    return false;
  }
}

function unknownFields(object: Record<string, unknown>, known: readonly string[], base: string): FieldProblem[] {
  return Object.keys(object)
    .filter((k) => !known.includes(k))
    .map((k) => ({
      path: base ? `${base}.${k}` : k,
      message: SECRET_SHAPED.test(k) ? 'unknown field; secrets such as API keys never belong in a playground (enter them in the app’s settings)' : 'unknown field',
    }));
}

function invalid(error: string, problems: FieldProblem[]): PayloadCheck {
  return { ok: false, error, problems };
}
