// The replay model: plays recorded responses in order. Bundled examples and shared runs use it offline.
import {
  AGENT_TYPE_NAMES,
  guessRecordedType,
  isKeyedByAgentType,
  otherRecordedTypes,
  responsesFor,
  type ReplayAgentType,
  type ReplayResponses,
} from './replay-responses';
import { estimateTokens } from './usage';
import type { GenerateOptions, ModelClient, ModelRequest, ModelResponse, TokenUsage, ToolCall } from './types';
import { ModelError } from './types';

export type { ReplayAgentType, ReplayResponse, ReplayResponses } from './replay-responses';

export interface ReplayOptions {
  /** Characters per streamed delta. */
  chunkSize?: number;
  /** Pause between deltas, to watch a replay stream like a live model. */
  delayMs?: number;
  /** The type of the agent this model answers: picks its list from responses kept per agent type (default: code). */
  agentType?: ReplayAgentType;
  /** Responses already used elsewhere (the replayed steps of a fork): the first call plays the one after them. */
  skip?: number;
}

export function createReplayModel(responses: ReplayResponses, options: ReplayOptions = {}): ModelClient {
  const chunkSize = options.chunkSize ?? 24;
  const agentType = options.agentType ?? 'code';
  const list = responsesFor(responses, agentType);
  let next = Math.max(0, options.skip ?? 0);
  let callCounter = 0;
  return {
    id: 'replay',
    async generate(request: ModelRequest, { signal, onTextDelta }: GenerateOptions = {}): Promise<ModelResponse> {
      signal?.throwIfAborted();
      const recorded = list[next];
      if (recorded === undefined) throw new ModelError(exhaustedMessage(responses, agentType, request.agent, next + 1));
      next++;
      const r = typeof recorded === 'string' ? { text: recorded } : recorded;
      const text = r.text ?? '';
      for (let i = 0; i < text.length; i += chunkSize) {
        signal?.throwIfAborted();
        onTextDelta?.(text.slice(i, i + chunkSize));
        if (options.delayMs) await sleep(options.delayMs, signal);
      }
      signal?.throwIfAborted();
      const toolCalls: ToolCall[] | undefined = r.toolCalls?.map((c) => ({
        id: c.id ?? `call_${++callCounter}`,
        name: c.name,
        arguments: c.arguments,
      }));
      const usage: TokenUsage = r.usage ?? {
        inputTokens: estimateTokens(request.messages.map((m) => m.content).join('\n')),
        outputTokens: estimateTokens(text + (toolCalls ? JSON.stringify(toolCalls) : '')),
        estimated: true,
      };
      return { text, toolCalls, usage };
    },
  };
}

/**
 * Why the replay stopped, and what to change: the agent type setting when the recorded turns belong to the other
 * type (as far as it can tell), else adding a response or picking another model.
 */
export function exhaustedMessage(responses: ReplayResponses, agentType: ReplayAgentType, agent: string, asked: number): string {
  const main = agent === 'main';
  const typeName = AGENT_TYPE_NAMES[agentType];
  const owner = main ? 'this playground' : `team member '${agent}'`;
  const switchTo = (other: ReplayAgentType) =>
    main
      ? `Switch Agent type back to ${AGENT_TYPE_NAMES[other]}, or pick another model in the header.`
      : `Switch team member '${agent}'’s Type back to ${AGENT_TYPE_NAMES[other]} (Settings → Team members), or pick another model for it there.`;
  const otherModel = main ? 'pick another model in the header (Manual lets you write this turn yourself)' : `pick another model for team member '${agent}' in Settings → Team members`;
  const list = responsesFor(responses, agentType);

  if (isKeyedByAgentType(responses)) {
    const others = otherRecordedTypes(responses, agentType);
    const elsewhere = others.map((o) => `${o.count} for the ${AGENT_TYPE_NAMES[o.type]}`).join(', ');
    const field = main ? `model.responses["${agentType}"]` : `the model.responses["${agentType}"] of team member '${agent}'`;
    if (list.length === 0) {
      return `The replay model has no recorded response for the ${typeName}` + (others.length ? ` (${owner} has ${elsewhere}). ${switchTo(others[0]!.type)}` : `. Add responses to ${field}, or ${otherModel}.`);
    }
    return (
      `The replay model has no recorded response left for the ${typeName}: ${owner} has ${list.length} for it and the ${main ? 'agent' : 'team member'} asked for number ${asked}` +
      (others.length ? ` (and ${elsewhere})` : '') +
      `. Add a response to ${field}, or ${otherModel}.`
    );
  }

  const guessed = guessRecordedType(list);
  if (guessed && guessed !== agentType) {
    return (
      `The replay model has no response left: it holds ${list.length}, which look recorded for a ${AGENT_TYPE_NAMES[guessed]} (${guessed === 'code' ? 'code blocks, no tool calls' : 'tool calls'}), ` +
      `and this ${typeName} asked for number ${asked}. ${switchTo(guessed)}`
    );
  }
  return (
    `The replay model has no response left: it holds ${list.length} and the ${main ? 'agent' : `managed agent '${agent}'`} asked for number ${asked}. ` +
    'Add a response to model.responses, or switch to the manual model and write this turn yourself.'
  );
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
