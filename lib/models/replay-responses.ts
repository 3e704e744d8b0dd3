// Recorded replay responses: one list for any agent type, or a list per agent type; which list a run plays, and how
// many each type has (for the settings and for the message when a replay runs out).

export type ReplayAgentType = 'code' | 'tool-calling';

export type ReplayResponse =
  | string
  | {
      text?: string;
      toolCalls?: { id?: string; name: string; arguments: unknown }[];
      usage?: { inputTokens: number; outputTokens: number; cachedInputTokens?: number };
    };

/** A plain list is played whatever the agent type; a keyed one gives each agent type its own list. */
export type ReplayResponses =
  | readonly ReplayResponse[]
  | { readonly code?: readonly ReplayResponse[] | undefined; readonly 'tool-calling'?: readonly ReplayResponse[] | undefined };

export const AGENT_TYPE_NAMES: Record<ReplayAgentType, string> = { code: 'CodeAgent', 'tool-calling': 'ToolCallingAgent' };

const AGENT_TYPES: readonly ReplayAgentType[] = ['code', 'tool-calling'];

export function isKeyedByAgentType(responses: ReplayResponses): responses is Exclude<ReplayResponses, readonly ReplayResponse[]> {
  return !Array.isArray(responses);
}

/** The list a run of this agent type plays. */
export function responsesFor(responses: ReplayResponses, type: ReplayAgentType): readonly ReplayResponse[] {
  return isKeyedByAgentType(responses) ? (responses[type] ?? []) : responses;
}

/** The other agent types that have recorded responses, with how many. */
export function otherRecordedTypes(responses: ReplayResponses, type: ReplayAgentType): { type: ReplayAgentType; count: number }[] {
  if (!isKeyedByAgentType(responses)) return [];
  return AGENT_TYPES.filter((t) => t !== type && (responses[t]?.length ?? 0) > 0).map((t) => ({ type: t, count: responses[t]!.length }));
}

/**
 * What a plain list looks recorded for: tool calls mean a ToolCallingAgent, fenced code without any tool call a
 * CodeAgent; undefined when it can't tell (plain text only, or nothing).
 */
export function guessRecordedType(list: readonly ReplayResponse[]): ReplayAgentType | undefined {
  const objects = list.map((r) => (typeof r === 'string' ? { text: r } : r));
  if (objects.some((r) => (r.toolCalls?.length ?? 0) > 0)) return 'tool-calling';
  if (objects.some((r) => /```/.test(r.text ?? ''))) return 'code';
  return undefined;
}

/** e.g. "3 recorded responses" or "2 recorded responses for the CodeAgent and 3 for the ToolCallingAgent". */
export function describeRecorded(responses: ReplayResponses): string {
  if (!isKeyedByAgentType(responses)) return plural(responses.length);
  const parts = AGENT_TYPES.filter((t) => responses[t] !== undefined).map((t) => ({ t, n: responses[t]!.length }));
  if (parts.length === 0) return plural(0);
  return parts.map(({ t, n }, i) => `${i === 0 ? plural(n) : n} for the ${AGENT_TYPE_NAMES[t]}`).join(' and ');
}

function plural(n: number): string {
  return `${n} recorded response${n === 1 ? '' : 's'}`;
}
