// The replay model: plays recorded responses in order. Bundled examples and shared runs use it offline.
import { estimateTokens } from './usage';
import type { GenerateOptions, ModelClient, ModelRequest, ModelResponse, TokenUsage, ToolCall } from './types';
import { ModelError } from './types';

export type ReplayResponse =
  | string
  | {
      text?: string;
      toolCalls?: { id?: string; name: string; arguments: unknown }[];
      usage?: Omit<TokenUsage, 'estimated'>;
    };

export interface ReplayOptions {
  /** Characters per streamed delta. */
  chunkSize?: number;
  /** Pause between deltas, to watch a replay stream like a live model. */
  delayMs?: number;
}

export function createReplayModel(responses: readonly ReplayResponse[], options: ReplayOptions = {}): ModelClient {
  const chunkSize = options.chunkSize ?? 24;
  let next = 0;
  let callCounter = 0;
  return {
    id: 'replay',
    async generate(request: ModelRequest, { signal, onTextDelta }: GenerateOptions = {}): Promise<ModelResponse> {
      signal?.throwIfAborted();
      const recorded = responses[next];
      if (recorded === undefined) {
        throw new ModelError(
          `The replay model has no response left: it holds ${responses.length} and the ${request.agent === 'main' ? 'agent' : `managed agent '${request.agent}'`} asked for number ${next + 1}. ` +
            'Add a response to model.responses, or switch to the manual model and write this turn yourself.',
        );
      }
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
