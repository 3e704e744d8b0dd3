// Edits to the replay model's responses, checked like an import: a refused edit names the response and the rule, and
// the document is left as it was. Also: a finished run saved as the playground's replay.
import type { RunReplay } from '../models/replay-from-run';
import { isKeyedByAgentType, responsesFor, type ReplayAgentType, type ReplayResponse, type ReplayResponses } from '../models/replay-responses';
import { playgroundSchema, replayResponseSchema, type ModelSettings, type Playground } from './schema';

export interface ReplayProblem {
  /** `text` or `toolCalls` of the response, or `response` for the whole. */
  field: 'text' | 'toolCalls' | 'response';
  message: string;
}

export type ReplayEdit = { ok: true; doc: Playground } | { ok: false; problems: ReplayProblem[] };

/** A response as the editor shows it: its text, and its tool calls as JSON (empty when it has none). */
export interface ResponseDraft {
  text: string;
  toolCalls: string;
}

export function draftOf(response: ReplayResponse | undefined): ResponseDraft {
  if (response === undefined) return { text: '', toolCalls: '' };
  if (typeof response === 'string') return { text: response, toolCalls: '' };
  return { text: response.text ?? '', toolCalls: response.toolCalls?.length ? JSON.stringify(response.toolCalls, null, 2) : '' };
}

/** The response a draft stands for (keeping the recorded usage of the one it edits), or why not. */
export function parseDraft(draft: ResponseDraft, previous?: ReplayResponse): { ok: true; response: ReplayResponse } | { ok: false; problems: ReplayProblem[] } {
  let toolCalls: unknown;
  if (draft.toolCalls.trim()) {
    try {
      toolCalls = JSON.parse(draft.toolCalls);
    } catch (error) {
      return { ok: false, problems: [{ field: 'toolCalls', message: `not valid JSON: ${(error as Error).message}` }] };
    }
  }
  const usage = typeof previous === 'object' ? previous.usage : undefined;
  const candidate = toolCalls === undefined && !usage ? draft.text : { ...(draft.text ? { text: draft.text } : {}), ...(toolCalls !== undefined ? { toolCalls } : {}), ...(usage ? { usage } : {}) };
  const parsed = replayResponseSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, response: parsed.data };
  // The object branch of the union says what is wrong with the tool calls; report that one.
  const issues = parsed.error.issues.flatMap((i) => (i.code === 'invalid_union' ? i.errors.flat() : [i]));
  const relevant = issues.filter((i) => i.path[0] === 'toolCalls');
  const shown = relevant.length ? relevant : issues;
  return {
    ok: false,
    problems: shown.map((i) => ({ field: i.path[0] === 'toolCalls' ? 'toolCalls' : 'response', message: i.path.length > 1 ? `${i.path.join('.')}: ${i.message}` : i.message })),
  };
}

/** `responses` with the list a run of `type` plays replaced by `list` (a plain list stays plain: every type plays it). */
export function withResponsesFor(responses: ReplayResponses, type: ReplayAgentType, list: ReplayResponse[]): ReplayResponses {
  return isKeyedByAgentType(responses) ? { ...responses, [type]: list } : list;
}

/** The document with the replay list of `type` set to `list`, or why not (the model is not replay, a bad response). */
export function checkReplayList(doc: Playground, type: ReplayAgentType, list: ReplayResponse[]): ReplayEdit {
  if (doc.model.provider !== 'replay') return { ok: false, problems: [{ field: 'response', message: 'the model is not the replay model' }] };
  const next = { ...doc, model: { ...doc.model, responses: withResponsesFor(doc.model.responses, type, list) } } as Playground;
  const parsed = playgroundSchema.safeParse(next);
  if (parsed.success) return { ok: true, doc: next };
  return { ok: false, problems: parsed.error.issues.map((i) => ({ field: 'response', message: `${i.path.join('.')}: ${i.message}` })) };
}

/** The list a run of `type` plays now (for the editor). */
export function currentList(doc: Playground, type: ReplayAgentType): ReplayResponse[] {
  return doc.model.provider === 'replay' ? [...responsesFor(doc.model.responses, type)] : [];
}

/**
 * The document set to replay the run offline: the main model becomes replay with the run's responses under its agent
 * type (the other type's list, if any, is kept), and every team member replays its own recorded calls, so nothing in
 * the run needs a key or a server any more. A member the run never called gets an empty list.
 */
export function checkSaveRunAsReplay(doc: Playground, replay: RunReplay): ReplayEdit {
  const before = doc.model.provider === 'replay' && isKeyedByAgentType(doc.model.responses) ? doc.model.responses : {};
  const other: ReplayAgentType = replay.type === 'code' ? 'tool-calling' : 'code';
  const responses = { ...(before[other]?.length ? { [other]: [...before[other]] } : {}), [replay.type]: replay.main };
  const next = {
    ...doc,
    // A run whose model wrote its tool calls in its text replays the same way.
    model: { provider: 'replay', responses, delayMs: 0, ...formatOf(doc.model) },
    agent: {
      ...doc.agent,
      managedAgents: doc.agent.managedAgents.map((m) => ({
        ...m,
        model: { provider: 'replay', responses: replay.managed[m.name] ?? [], delayMs: 0, ...formatOf(m.model ?? doc.model) },
      })),
    },
  } as Playground;
  const parsed = playgroundSchema.safeParse(next);
  if (parsed.success) return { ok: true, doc: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((i) => ({ field: 'response', message: `${i.path.join('.')}: ${i.message}` })) };
}

/** The model's tool call format, kept when its settings become replay (absent: native). */
export function formatOf(model: Pick<ModelSettings, 'toolCallFormat'>): Pick<ModelSettings, 'toolCallFormat'> {
  return model.toolCallFormat ? { toolCallFormat: model.toolCallFormat } : {};
}
