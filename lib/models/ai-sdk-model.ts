// A ModelClient over any AI SDK language model: streaming, stop sequences, native tool calls, usage, retries, timeouts.
import { jsonSchema, streamText, tool, type LanguageModel, type ModelMessage, type ToolSet } from 'ai';
import { classifyModelFailure, ModelTimeoutError, type FailureContext, type ModelFailure } from './model-errors';
import { redactSecrets } from './redact-secrets';
import { ModelError, type ChatMessage, type GenerateOptions, type ModelClient, type ModelRequest, type ModelResponse, type TokenUsage } from './types';

export interface AiSdkModelOptions {
  /** `openai:gpt-4.1-mini`. */
  id: string;
  model: LanguageModel;
  maxRetries: number;
  /** Give up when nothing arrives for this long. */
  timeoutMs: number;
  temperature?: number;
  maxOutputTokens?: number;
  /** Strings that must never appear in an error message (the key). */
  secrets: string[];
  /** What the error messages need to know about the call. */
  context: Omit<FailureContext, 'partialChars' | 'timeoutMs'>;
  /** Waits between retries (tests shorten it). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Longest pause we accept from a retry-after header before giving up with the message instead. */
export const MAX_RETRY_WAIT_MS = 60_000;

export function createAiSdkModel(options: AiSdkModelOptions): ModelClient {
  const sleep = options.sleep ?? abortableSleep;
  return {
    id: options.id,
    async generate(request, generateOptions = {}) {
      const { signal, onRetry } = generateOptions;
      for (let attempt = 0; ; attempt++) {
        const partial = { chars: 0 };
        try {
          return await callOnce(options, request, generateOptions, partial);
        } catch (error) {
          if (signal?.aborted) throw signal.reason ?? error;
          const failure = classifyModelFailure(error, { ...options.context, partialChars: partial.chars, timeoutMs: options.timeoutMs });
          const delayMs = failure.retryAfterMs ?? backoff(attempt);
          const canRetry = failure.retryable && partial.chars === 0 && attempt < options.maxRetries && delayMs <= MAX_RETRY_WAIT_MS;
          if (!canRetry) throw new ModelError(redactSecrets(finalMessage(failure, attempt, delayMs), options.secrets));
          onRetry?.({ attempt: attempt + 1, delayMs, reason: reasonOf(failure) });
          await sleep(delayMs, signal);
        }
      }
    },
  };
}

async function callOnce(options: AiSdkModelOptions, request: ModelRequest, { signal, onTextDelta }: GenerateOptions, partial: { chars: number }): Promise<ModelResponse> {
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new ModelTimeoutError('timeout'));
    }, options.timeoutMs);
  };
  arm();
  const { instructions, messages } = toModelMessages(request.messages);
  const stops = request.stopSequences ?? [];
  let text = '';
  let usage: TokenUsage | undefined;
  let finish: Pick<ModelResponse, 'finishReason' | 'responseModel' | 'responseId'> = {};
  const toolCalls: NonNullable<ModelResponse['toolCalls']> = [];
  try {
    const result = streamText({
      model: options.model,
      ...(instructions ? { instructions } : {}),
      messages,
      // A model without native tool calls gets none, even if a caller left them on the request.
      ...(request.tools && request.toolCallFormat !== 'text' ? { tools: toToolSet(request.tools) } : {}),
      ...(stops.length ? { stopSequences: stops } : {}),
      ...(options.temperature !== undefined ? { temperature: options.temperature } : {}),
      ...(options.maxOutputTokens !== undefined ? { maxOutputTokens: options.maxOutputTokens } : {}),
      maxRetries: 0,
      abortSignal: controller.signal,
      // The default logs the raw error to the console, response body and all: a provider may echo the key there.
      onError: () => {},
    });
    for await (const part of result.fullStream) {
      arm();
      if (part.type === 'text-delta') {
        const joined = text + part.text;
        const cut = cutAtStop(joined, stops);
        const delta = cut.slice(text.length);
        text = cut;
        partial.chars = text.length;
        if (delta) onTextDelta?.(delta);
        if (cut.length < joined.length) {
          // The server ignores stop sequences: stop reading once one appears.
          controller.abort(new DOMException('stop sequence reached', 'AbortError'));
          break;
        }
      } else if (part.type === 'tool-call') {
        toolCalls.push({ id: part.toolCallId, name: part.toolName, arguments: part.input });
      } else if (part.type === 'finish-step') {
        usage = usageOf(part.usage);
        finish = {
          ...(part.finishReason ? { finishReason: part.finishReason } : {}),
          ...(part.response?.modelId ? { responseModel: part.response.modelId } : {}),
          ...(part.response?.id ? { responseId: part.response.id } : {}),
        };
      } else if (part.type === 'error') {
        throw part.error;
      } else if (part.type === 'abort') {
        throw timedOut ? new ModelTimeoutError('timeout') : (signal?.reason ?? new DOMException('aborted', 'AbortError'));
      }
    }
  } catch (error) {
    if (timedOut) throw new ModelTimeoutError('timeout');
    throw error;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
  return { text, ...(toolCalls.length ? { toolCalls } : {}), ...(usage ? { usage } : {}), ...finish };
}

/** Our chat history in the AI SDK's message form; system messages become the instructions. */
export function toModelMessages(chat: ChatMessage[]): { instructions: string; messages: ModelMessage[] } {
  const system: string[] = [];
  const messages: ModelMessage[] = [];
  for (const m of chat) {
    switch (m.role) {
      case 'system':
        system.push(m.content);
        break;
      case 'user':
        messages.push({ role: 'user', content: m.content });
        break;
      case 'assistant':
        messages.push(
          m.toolCalls?.length
            ? {
                role: 'assistant',
                content: [
                  ...(m.content ? [{ type: 'text' as const, text: m.content }] : []),
                  ...m.toolCalls.map((c) => ({ type: 'tool-call' as const, toolCallId: c.id, toolName: c.name, input: c.arguments })),
                ],
              }
            : { role: 'assistant', content: m.content },
        );
        break;
      case 'tool':
        messages.push({
          role: 'tool',
          content: [{ type: 'tool-result', toolCallId: m.toolCallId, toolName: m.toolName, output: { type: 'text', value: m.content } }],
        });
        break;
    }
  }
  return { instructions: system.join('\n\n'), messages };
}

function toToolSet(tools: NonNullable<ModelRequest['tools']>): ToolSet {
  return Object.fromEntries(tools.map((t) => [t.name, tool({ description: t.description, inputSchema: jsonSchema(t.parameters) })]));
}

function usageOf(u: { inputTokens: number | undefined; outputTokens: number | undefined; inputTokenDetails?: { cacheReadTokens: number | undefined } }): TokenUsage {
  const cached = u.inputTokenDetails?.cacheReadTokens;
  return { inputTokens: u.inputTokens ?? 0, outputTokens: u.outputTokens ?? 0, ...(cached ? { cachedInputTokens: cached } : {}) };
}

/** The text up to the first stop sequence. */
export function cutAtStop(text: string, stops: readonly string[]): string {
  let end = text.length;
  for (const s of stops) {
    const i = text.indexOf(s);
    if (i >= 0 && i < end) end = i;
  }
  return text.slice(0, end);
}

/** 1 s, 2 s, 4 s … up to 30 s, with a little jitter so parallel runs spread out. */
export function backoff(attempt: number): number {
  return Math.min(30_000, 1_000 * 2 ** attempt) + Math.floor(Math.random() * 250);
}

function reasonOf(failure: ModelFailure): string {
  return failure.kind === 'rate-limit' ? `${failure.status} rate limited` : `${failure.status ?? ''} server error`.trim();
}

function finalMessage(failure: ModelFailure, attempt: number, delayMs: number): string {
  if (!failure.retryable) return failure.message;
  if (delayMs > MAX_RETRY_WAIT_MS) return `${failure.message} The server asks to wait ${Math.round(delayMs / 1000)} s, longer than the playground waits.`;
  return attempt > 0 ? `${failure.message} (Tried ${attempt + 1} times.)` : failure.message;
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
