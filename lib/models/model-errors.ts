// Turns a failed model call into a message that says what happened and what to do, and whether to retry.
import { APICallError } from '@ai-sdk/provider';
import type { RealProvider } from '../playground/schema';
import { isLocalAddress, PRESETS, PROVIDERS } from './presets';
import { PROXY_MARK_HEADER, readUnreachable, UNREACHABLE_REASONS, type UnreachableFailure } from './proxy-unreachable';

export type FailureKind = 'unreachable' | 'proxy' | 'auth' | 'forbidden' | 'model' | 'rate-limit' | 'server' | 'timeout' | 'cut' | 'network' | 'bad-request' | 'other';

export interface ModelFailure {
  kind: FailureKind;
  message: string;
  retryable: boolean;
  /** The wait the server asked for (retry-after), in ms. */
  retryAfterMs?: number;
  status?: number;
}

export interface FailureContext {
  provider: RealProvider;
  model: string;
  /** The address the call went to (the provider's, or the proxy's). */
  baseURL?: string;
  preset?: keyof typeof PRESETS;
  via: 'browser' | 'proxy';
  /** Characters of output received before the failure. */
  partialChars: number;
  /** The page's origin, in a browser. */
  pageOrigin?: string;
  /** Seconds of silence allowed before a timeout. */
  timeoutMs: number;
}

/** Raised by our own idle timer. */
export class ModelTimeoutError extends Error {
  override name = 'ModelTimeoutError';
}

export function classifyModelFailure(error: unknown, ctx: FailureContext): ModelFailure {
  const who =
    ctx.provider !== 'openai-compatible' ? PROVIDERS[ctx.provider].label : ctx.preset && ctx.preset !== 'custom' ? PRESETS[ctx.preset].label : 'The OpenAI-compatible server';
  if (error instanceof ModelTimeoutError) {
    return {
      kind: 'timeout',
      retryable: false,
      message:
        `${who} sent nothing for ${Math.round(ctx.timeoutMs / 1000)} s, so the call was given up (timeout). ` +
        (ctx.partialChars > 0 ? `The ${ctx.partialChars} characters that did arrive are kept above. ` : '') +
        'The server may be busy or still loading the model (a local server loads it on first use): try again, or raise the timeout in Settings → Model.',
    };
  }
  if (APICallError.isInstance(error) && error.statusCode !== undefined && error.statusCode >= 400) {
    if (ctx.via === 'proxy') {
      const own = fromProxy(error, who);
      if (own) return own;
    }
    return fromStatus(error, who, ctx);
  }
  if (ctx.partialChars > 0) {
    return {
      kind: 'cut',
      retryable: false,
      message: `The answer from ${who} was cut off after ${ctx.partialChars} characters (${detail(error)}). The partial output is kept above; run again to retry.`,
    };
  }
  if (isNetworkFailure(error)) return networkFailure(error, who, ctx);
  return { kind: 'other', retryable: false, message: `${who} call failed: ${detail(error)}` };
}

/** An answer the app's proxy made itself: it could not reach the provider, or it refused the call. Never the provider's fault. */
function fromProxy(error: APICallError, who: string): ModelFailure | undefined {
  const status = error.statusCode!;
  const unreachable = readUnreachable(error.responseHeaders, error.responseBody);
  if (unreachable) {
    return {
      kind: 'unreachable',
      status,
      retryable: false,
      message:
        `The app's server could not reach ${unreachable.host} (${UNREACHABLE_REASONS[unreachable.code]}${unreachable.detail ? `: ${unreachable.detail}` : ''}). ` +
        `${unreachableAdvice(unreachable)} ${who} itself was never reached, so this is not on the provider's side, and the call was not retried.`,
    };
  }
  const mark = Object.entries(error.responseHeaders ?? {}).find(([k]) => k.toLowerCase() === PROXY_MARK_HEADER)?.[1];
  if (mark !== 'refused') return undefined;
  const said = providerMessage(error);
  return {
    kind: 'proxy',
    status,
    retryable: false,
    message: `This app's model proxy refused the call (${status})${said ? `: ${said}` : '.'}${/[.!?]$/.test(said ?? '.') ? '' : '.'} ${who} was not called.`,
  };
}

function unreachableAdvice({ code, host }: UnreachableFailure): string {
  const hostname = host.replace(/:\d+$/, '');
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Check that server's network: is it online, and can it resolve ${hostname} (DNS)? Behind a firewall it may need an outbound HTTP proxy.`;
    case 'ECONNREFUSED':
      return `Nothing answers at ${host} as seen from the app's server: check that the model server runs there, on that port.`;
    case 'TLS':
      return "Check the address (https to a server that speaks plain http?) and, on the app's server, its clock and trusted certificates (a company proxy that re-signs https needs its certificate trusted).";
    default:
      return `Check that server's network: is it online, and may it connect to ${host} (a firewall, an outbound proxy)?`;
  }
}

function fromStatus(error: APICallError, who: string, ctx: FailureContext): ModelFailure {
  const status = error.statusCode!;
  const said = providerMessage(error);
  const theySaid = said ? ` The server said: “${said}”.` : '';
  if (status === 401) {
    return {
      kind: 'auth',
      status,
      retryable: false,
      message:
        `${who} rejected the API key (401 Unauthorized).${theySaid} ` +
        (ctx.via === 'proxy'
          ? `Enter a key in Settings → Model, or give the server ${PROVIDERS[ctx.provider].envKey}.`
          : `Check the key in Settings → Model: a ${who} key (${PROVIDERS[ctx.provider].keyHelp}), pasted whole, not expired.`),
    };
  }
  if (status === 403) {
    return {
      kind: 'forbidden',
      status,
      retryable: false,
      message: `${who} refused the call (403 Forbidden).${theySaid} The key may lack access to model '${ctx.model}' or to this endpoint, or the account may need billing set up.`,
    };
  }
  if (status === 404) {
    return {
      kind: 'model',
      status,
      retryable: false,
      message: `${who} has no model '${ctx.model}' at ${ctx.baseURL ?? 'its address'} (404 Not Found).${theySaid} Check the model name (Settings → Model lists the models an OpenAI-compatible server offers) and the base URL.`,
    };
  }
  if (status === 429) {
    const retryAfterMs = retryAfter(error.responseHeaders);
    return {
      kind: 'rate-limit',
      status,
      retryable: true,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      message: `${who} is rate limiting these calls (429 Too Many Requests).${theySaid} Wait a little and run again, lower the request rate, or check the plan's limits.`,
    };
  }
  if (status >= 500) {
    return {
      kind: 'server',
      status,
      retryable: true,
      ...(retryAfter(error.responseHeaders) !== undefined ? { retryAfterMs: retryAfter(error.responseHeaders) } : {}),
      message: `${who} had a server error (${status}).${theySaid} This is on the provider's side: try again in a moment.`,
    };
  }
  return {
    kind: 'bad-request',
    status,
    retryable: false,
    message: `${who} refused the request (${status}).${theySaid} Check the model name and the settings in Settings → Model.`,
  };
}

function networkFailure(error: unknown, who: string, ctx: FailureContext): ModelFailure {
  const url = ctx.baseURL ?? 'the server';
  const code = causeCode(error);
  if (ctx.pageOrigin === undefined) {
    // Node: the cause is known.
    const why =
      code === 'ECONNREFUSED'
        ? 'connection refused: is the server running, on that port?'
        : code === 'ENOTFOUND'
          ? 'no such host: check the address'
          : code
            ? code
            : detail(error);
    return { kind: 'network', retryable: false, message: `Could not reach ${who} at ${url} (${why}).` };
  }
  if (ctx.via === 'proxy') {
    return { kind: 'network', retryable: false, message: `Could not reach this app's model proxy (${detail(error)}): is the app's server still running?` };
  }
  const local = ctx.baseURL !== undefined && isLocalAddress(ctx.baseURL);
  const lines = [`The browser could not reach ${who} at ${url} (${detail(error)}). Browsers hide the reason; the usual causes:`];
  if (local) {
    lines.push('• the server is not running, or listens on another port;');
    if (ctx.preset === 'ollama' && /^https?:\/\/(localhost|127\.0\.0\.1|0\.0\.0\.0)(:\d+)?$/.test(ctx.pageOrigin)) {
      // Ollama's default OLLAMA_ORIGINS already covers pages on localhost, 127.0.0.1 and 0.0.0.0, any port.
      lines.push(`• CORS is unlikely: Ollama allows pages on localhost and 127.0.0.1 by default, unless OLLAMA_ORIGINS was set to a list without this page (${ctx.pageOrigin});`);
    } else {
      lines.push(`• it does not allow calls from this page (${ctx.pageOrigin}) — CORS: ${ctx.preset ? PRESETS[ctx.preset].setup : PRESETS.custom.setup} For Ollama: OLLAMA_ORIGINS; for LM Studio: the “Enable CORS” switch;`);
    }
    if (ctx.pageOrigin.startsWith('https:') && url.startsWith('http:')) {
      lines.push('• this page is https and the server is plain http (mixed content): open the playground over http://localhost, or serve the model over https;');
    }
    if (!isLocalAddress(ctx.pageOrigin)) {
      lines.push("• Chrome's Private Network Access rules stop public web pages from calling local addresses: run the playground locally (npm start) or allow it in Chrome;");
    }
  } else {
    const cors = corsOf(ctx);
    if (cors) {
      lines.push(`• ${cors} So the likely cause is the network: this computer is offline, a firewall, VPN or content blocker stops ${hostOf(url)}, or the address is wrong.`);
      lines.push(`• If only this network blocks it, “through this app's server” under Call in Settings → Model may still get through.`);
    } else {
      lines.push('• no network, or the address is wrong;');
      lines.push(`• the server does not allow calls from this page (${ctx.pageOrigin}) — CORS: it must answer with Access-Control-Allow-Origin for this origin; or choose “through this app's server” under Call in Settings → Model (the operator lists the host in MODEL_PROXY_ALLOWED_HOSTS).`);
    }
    if (ctx.pageOrigin.startsWith('https:') && url.startsWith('http:')) lines.push('• this page is https and the address is plain http (mixed content).');
  }
  return { kind: 'network', retryable: false, message: lines.join('\n') };
}

/** What is true of the provider's CORS when the call goes to its own address; undefined where it depends on the server. */
function corsOf(ctx: FailureContext): string | undefined {
  const own = ctx.provider === 'openai-compatible' ? (ctx.preset ? PRESETS[ctx.preset].baseURL : undefined) : PROVIDERS[ctx.provider].baseURL;
  if (!own || !ctx.baseURL || ctx.baseURL.replace(/\/+$/, '') !== own) return undefined; // a gateway or another server: its own CORS rules
  switch (ctx.provider) {
    case 'anthropic':
      return 'Anthropic answers browsers that send its direct-browser-access header, and the app sends it (anthropic-dangerous-direct-browser-access), so CORS is not the cause.';
    case 'openai':
    case 'google':
      return `${PROVIDERS[ctx.provider].label} answers calls from browsers (CORS allows any page), so CORS is not the cause.`;
    default:
      return ctx.preset === 'openrouter' || ctx.preset === 'huggingface' ? `${PRESETS[ctx.preset].label} answers calls from browsers (CORS allows any page), so CORS is not the cause.` : undefined;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function isNetworkFailure(error: unknown): boolean {
  if (APICallError.isInstance(error)) return error.statusCode === undefined || error.statusCode < 400;
  if (!(error instanceof Error)) return false;
  return error.name === 'TypeError' || /fetch failed|failed to fetch|network|ECONNREFUSED|ENOTFOUND|terminated|socket/i.test(error.message);
}

function causeCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

function detail(error: unknown): string {
  if (APICallError.isInstance(error) && error.cause instanceof Error) return `${error.message}: ${error.cause.message}`;
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/** The provider's own message, from an OpenAI-, Anthropic- or Google-style error body. */
function providerMessage(error: APICallError): string | undefined {
  const body = error.responseBody;
  if (body) {
    try {
      const data = JSON.parse(body) as { error?: { message?: unknown } | string; message?: unknown };
      const message = typeof data.error === 'string' ? data.error : (data.error?.message ?? data.message);
      if (typeof message === 'string' && message.trim()) return clip(message.trim());
    } catch {
      if (!/^\s*</.test(body)) return clip(body.trim());
    }
  }
  return undefined;
}

function clip(text: string): string {
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/** retry-after as seconds or an HTTP date; retry-after-ms when given. */
export function retryAfter(headers: Record<string, string> | undefined): number | undefined {
  if (!headers) return undefined;
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const ms = Number(lower['retry-after-ms']);
  if (lower['retry-after-ms'] !== undefined && Number.isFinite(ms) && ms >= 0) return ms;
  const value = lower['retry-after'];
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
