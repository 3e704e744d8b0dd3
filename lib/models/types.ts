// The ModelClient contract: what the agent loop needs from any model, real or not.

export interface ToolCall {
  id: string;
  name: string;
  /** Parsed JSON arguments as the model sent them (not yet validated). */
  arguments: unknown;
}

export type ChatMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string; toolCalls?: ToolCall[] }
  | { role: 'tool'; toolCallId: string; toolName: string; content: string };

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens?: number;
  /** True when the numbers are estimates (replay and manual models count characters / 4). */
  estimated?: boolean;
}

/** A tool as a tool-calling model sees it. */
export interface ModelTool {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

export interface ModelRequest {
  messages: ChatMessage[];
  /** Present for tool-calling turns with native tool calls. */
  tools?: ModelTool[];
  /** A tool-calling turn whose calls are written as JSON in the text: the tools are in the system prompt, none is sent. */
  toolCallFormat?: 'text';
  stopSequences?: string[];
  /** What the turn is for; the manual model shows it to the person. */
  purpose: 'action' | 'planning' | 'final';
  /** The agent asking (`main` or a managed agent's name); lets the replay model pick its responses. */
  agent: string;
}

export interface ModelResponse {
  text: string;
  toolCalls?: ToolCall[];
  usage?: TokenUsage;
  /** Why the model stopped, as the provider said it (`stop`, `length`, `tool-calls` …), when known. */
  finishReason?: string;
  /** The model that answered and the provider's id for the answer, when the provider says. */
  responseModel?: string;
  responseId?: string;
}

export interface GenerateOptions {
  signal?: AbortSignal;
  /** Streaming text as it arrives; the final text is still returned whole. */
  onTextDelta?: (delta: string) => void;
  /** A failed call is about to be tried again after a pause. */
  onRetry?: (retry: ModelRetry) => void;
}

export interface ModelRetry {
  /** 1 for the first retry. */
  attempt: number;
  delayMs: number;
  /** Why, in a few words: `429 rate limited`, `503 server error`. */
  reason: string;
}

export interface ModelClient {
  /** e.g. `replay`, `manual`, `openai:gpt-4.1`. */
  readonly id: string;
  generate(request: ModelRequest, options?: GenerateOptions): Promise<ModelResponse>;
}

/** A model-side failure that should end the run with a clear message (replay exhausted, bad key, …). */
export class ModelError extends Error {
  override name = 'ModelError';
}
