// A fake OpenAI Chat Completions server on loopback, for testing the AI SDK provider path for real:
// unit tests in Node and Playwright tests whose page (on another origin) calls it with CORS.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface FakeToolCall {
  name: string;
  arguments: Record<string, unknown>;
}

export interface FakeReply {
  text?: string;
  toolCalls?: FakeToolCall[];
  usage?: { promptTokens: number; completionTokens: number; cachedTokens?: number };
}

export type FakeFault =
  /** Answer with this HTTP status and an OpenAI-style error body (or `body`, sent as is when a string). */
  | { kind: 'status'; status: number; retryAfterSeconds?: number; body?: unknown }
  /** Streaming: send the reply's text up to `afterChars`, then destroy the socket. Non-streaming: destroy it at once. */
  | { kind: 'cut'; afterChars: number }
  /** Wait before answering; stops waiting if the client goes away. */
  | { kind: 'slow'; delayMs: number }
  /** Answer without Access-Control-* headers (a failed preflight consumes the fault). */
  | { kind: 'no-cors' };

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the parsed JSON body, for tests to poke at
  body: any;
}

export interface FakeOpenAIServer {
  /** e.g. http://127.0.0.1:43123/v1 */
  readonly baseURL: string;
  readonly port: number;
  /** Every request except CORS preflights, oldest first. */
  readonly requests: RecordedRequest[];
  /** Queues replies, consumed in order by /v1/chat/completions. */
  reply(...replies: FakeReply[]): void;
  /** Queues one-shot faults, each consumed by the next chat completion request before any reply. */
  fault(...faults: FakeFault[]): void;
  /** Clears the queues and the recorded requests. */
  reset(): void;
  close(): Promise<void>;
}

interface ChatRequest {
  messages?: { content?: unknown }[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean } | null;
  stop?: string | string[] | null;
  model?: string;
}

const CHAT_PATH = '/v1/chat/completions';
const CHUNK_DELAY_MS = 5;

export async function startFakeOpenAIServer(
  options: { port?: number; models?: string[]; apiKey?: string } = {},
): Promise<FakeOpenAIServer> {
  const models = options.models ?? ['fake-model'];
  const requests: RecordedRequest[] = [];
  const replies: FakeReply[] = [];
  const faults: FakeFault[] = [];
  const sockets = new Set<Socket>();
  let ids = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, 500, `fake-openai-server crashed: ${String(error)}`, 'server_error');
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://fake').pathname.replace(/\/+$/, '') || '/';
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');

    if (req.method === 'OPTIONS') {
      if (path === CHAT_PATH && faults[0]?.kind === 'no-cors') {
        faults.shift();
        res.writeHead(403).end();
        return;
      }
      setCors(res);
      res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? '*');
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      res.setHeader('Access-Control-Max-Age', '0');
      if (req.headers['access-control-request-private-network'] === 'true') {
        res.setHeader('Access-Control-Allow-Private-Network', 'true');
      }
      res.writeHead(204).end();
      return;
    }

    const raw = await readBody(req);
    const recorded: RecordedRequest = { method: req.method ?? 'GET', path, headers: { ...req.headers }, body: null };
    requests.push(recorded);
    let parseError: string | undefined;
    if (raw.length > 0) {
      try {
        recorded.body = JSON.parse(raw);
      } catch (error) {
        parseError = error instanceof Error ? error.message : String(error);
      }
    }

    const fault = path === CHAT_PATH && req.method === 'POST' ? faults.shift() : undefined;
    if (fault?.kind !== 'no-cors') setCors(res);
    if (parseError !== undefined) {
      return sendError(res, 400, `We could not parse the JSON body of your request: ${parseError}`, 'invalid_request_error');
    }

    const presented = bearer(req.headers.authorization);
    if (options.apiKey !== undefined && presented !== options.apiKey) {
      return sendError(res, 401, incorrectKeyMessage(presented), 'invalid_request_error', 'invalid_api_key');
    }

    if (req.method === 'GET' && path === '/v1/models') {
      const data = models.map((id) => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'fake' }));
      return sendJson(res, 200, { object: 'list', data });
    }
    if (path !== CHAT_PATH || req.method !== 'POST') {
      return sendError(res, 404, `Unknown request URL: ${req.method} ${path}`, 'invalid_request_error', 'unknown_url');
    }
    const body = (recorded.body ?? {}) as ChatRequest;

    if (fault?.kind === 'status') {
      if (fault.retryAfterSeconds !== undefined) res.setHeader('retry-after', String(fault.retryAfterSeconds));
      if (fault.body === undefined) return sendError(res, fault.status, defaultFaultMessage(fault.status, presented), ...faultType(fault.status));
      res.writeHead(fault.status, { 'content-type': typeof fault.body === 'string' ? 'text/plain' : 'application/json' });
      res.end(typeof fault.body === 'string' ? fault.body : JSON.stringify(fault.body));
      return;
    }
    if (fault?.kind === 'slow' && !(await wait(fault.delayMs, res))) return;
    if (fault?.kind === 'cut' && !body.stream) {
      res.destroy();
      return;
    }

    const reply = replies.shift();
    if (!reply) {
      return sendError(res, 500, 'fake-openai-server: no reply queued for this chat completion request (call server.reply(...) first)', 'fake_server_error', 'no_reply_queued');
    }
    const text = cutAtStop(reply.text ?? '', body.stop);
    const toolCalls = (reply.toolCalls ?? []).map((call) => ({
      id: `call_fake${++ids}`,
      type: 'function' as const,
      function: { name: call.name, arguments: JSON.stringify(call.arguments) },
    }));
    const finishReason = toolCalls.length > 0 ? 'tool_calls' : 'stop';
    const promptTokens = reply.usage?.promptTokens ?? Math.ceil(messageChars(body.messages) / 4);
    const completionTokens =
      reply.usage?.completionTokens ??
      Math.ceil((text.length + toolCalls.reduce((n, c) => n + c.function.name.length + c.function.arguments.length, 0)) / 4);
    const usage = {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
      prompt_tokens_details: { cached_tokens: reply.usage?.cachedTokens ?? 0 },
    };
    const head = { id: `chatcmpl-fake${++ids}`, created: Math.floor(Date.now() / 1000), model: body.model ?? models[0] };

    if (!body.stream) {
      const message = { role: 'assistant', content: text.length > 0 || toolCalls.length === 0 ? text : null, refusal: null, ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}) };
      return sendJson(res, 200, { ...head, object: 'chat.completion', choices: [{ index: 0, message, logprobs: null, finish_reason: finishReason }], usage });
    }

    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const send = (data: unknown) => new Promise<void>((resolve) => res.write(`data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`, () => resolve()));
    const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
      send({ ...head, object: 'chat.completion.chunk', choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] });

    await chunk({ role: 'assistant', content: '' });
    const streamed = fault?.kind === 'cut' ? text.slice(0, fault.afterChars) : text;
    for (let at = 0, i = 0; at < streamed.length; i++) {
      if (!(await wait(CHUNK_DELAY_MS, res))) return;
      const size = 8 + ((i * 5) % 9); // 8..16 chars
      await chunk({ content: streamed.slice(at, at + size) });
      at += size;
    }
    if (fault?.kind === 'cut') {
      await wait(CHUNK_DELAY_MS, res);
      res.socket?.destroy();
      return;
    }
    for (const [index, call] of toolCalls.entries()) {
      if (!(await wait(CHUNK_DELAY_MS, res))) return;
      await chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } }] });
      const args = call.function.arguments;
      const half = Math.ceil(args.length / 2);
      for (const piece of [args.slice(0, half), args.slice(half)]) {
        await chunk({ tool_calls: [{ index, function: { arguments: piece } }] });
      }
    }
    await chunk({}, finishReason);
    if (body.stream_options?.include_usage) {
      await send({ ...head, object: 'chat.completion.chunk', choices: [], usage });
    }
    await send('[DONE]');
    res.end();
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    reply: (...more) => void replies.push(...more),
    fault: (...more) => void faults.push(...more),
    reset: () => {
      replies.length = 0;
      faults.length = 0;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        for (const socket of sockets) socket.destroy();
      }),
  };
}

function setCors(res: ServerResponse): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Expose-Headers', 'retry-after');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, status: number, message: string, type: string, code: string | null = null): void {
  sendJson(res, status, { error: { message, type, param: null, code } });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Resolves true after `ms`, or false as soon as the response is closed (the client went away). */
function wait(ms: number, res: ServerResponse): Promise<boolean> {
  if (res.destroyed || res.writableEnded) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onClose = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      res.off('close', onClose);
      resolve(!res.destroyed);
    }, ms);
    res.once('close', onClose);
  });
}

function bearer(header: string | undefined): string {
  return header?.replace(/^Bearer\s+/i, '') ?? '';
}

function incorrectKeyMessage(key: string): string {
  return key
    ? `Incorrect API key provided: ${key}. You can find your API key at https://platform.openai.com/account/api-keys.`
    : "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth.";
}

function defaultFaultMessage(status: number, key: string): string {
  if (status === 401) return incorrectKeyMessage(key);
  if (status === 429) return 'Rate limit reached for fake-model. Please try again later.';
  if (status >= 500) return 'The server had an error while processing your request.';
  return `Fake error with status ${status}.`;
}

function faultType(status: number): [string, string | null] {
  if (status === 401) return ['invalid_request_error', 'invalid_api_key'];
  if (status === 429) return ['requests', 'rate_limit_exceeded'];
  if (status >= 500) return ['server_error', null];
  return ['invalid_request_error', null];
}

function cutAtStop(text: string, stop: string | string[] | null | undefined): string {
  const stops = (Array.isArray(stop) ? stop : stop ? [stop] : []).filter((s) => s.length > 0);
  const cut = Math.min(...stops.map((s) => text.indexOf(s)).filter((i) => i >= 0), text.length);
  return text.slice(0, cut);
}

function messageChars(messages: ChatRequest['messages']): number {
  let chars = 0;
  for (const { content } of messages ?? []) {
    if (typeof content === 'string') chars += content.length;
    else if (Array.isArray(content)) {
      for (const part of content as { text?: unknown }[]) if (typeof part?.text === 'string') chars += part.text.length;
    }
  }
  return chars;
}
