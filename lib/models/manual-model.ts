// The manual model: a person writes the model's turn, seeing exactly the request the model would get.
import { estimateTokens } from './usage';
import type { GenerateOptions, ModelClient, ModelRequest, ModelResponse } from './types';

/** Supplies one turn. A plain string is the assistant's text. */
export type ManualTurn = (request: ModelRequest, signal?: AbortSignal) => Promise<ModelResponse | string>;

export function createManualModel(turn: ManualTurn): ModelClient {
  return {
    id: 'manual',
    async generate(request: ModelRequest, { signal, onTextDelta }: GenerateOptions = {}): Promise<ModelResponse> {
      signal?.throwIfAborted();
      const answer = await raceAbort(turn(request, signal), signal);
      const response = typeof answer === 'string' ? { text: answer } : answer;
      if (response.text) onTextDelta?.(response.text);
      return {
        ...response,
        usage: response.usage ?? {
          inputTokens: estimateTokens(request.messages.map((m) => m.content).join('\n')),
          outputTokens: estimateTokens(response.text),
          estimated: true,
        },
      };
    },
  };
}

function raceAbort<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}
