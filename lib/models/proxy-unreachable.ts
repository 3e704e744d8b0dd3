// Why the proxy's own server could not reach a provider (DNS, refused connection, TLS …), from Node's fetch error, and the
// answer the proxy gives for it: the page must be able to tell "this server has no way there" from the provider's own 5xx.

/** The header that marks an answer the proxy made itself (never forwarded from upstream: see forwardResponseHeaders). */
export const PROXY_MARK_HEADER = 'x-agent-playground-proxy';

export type UnreachableCode = 'ENOTFOUND' | 'EAI_AGAIN' | 'ECONNREFUSED' | 'ECONNRESET' | 'ETIMEDOUT' | 'EHOSTUNREACH' | 'ENETUNREACH' | 'TLS' | 'UNKNOWN';

export interface UnreachableFailure {
  kind: 'unreachable';
  code: UnreachableCode;
  /** host or host:port the proxy tried. */
  host: string;
  /** The code Node gave, when it is more precise than `code` (a TLS certificate error's name). */
  detail?: string;
}

/** What each code means, in words a person reads in the step's error. */
export const UNREACHABLE_REASONS: Record<UnreachableCode, string> = {
  ENOTFOUND: 'DNS lookup failed',
  EAI_AGAIN: 'DNS lookup failed: no answer from the name server',
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'the connection was reset',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'no route to the host',
  ENETUNREACH: 'the network is unreachable',
  TLS: 'the TLS (https) connection failed',
  UNKNOWN: 'the connection failed',
};

const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|EPROTO$|HOSTNAME_MISMATCH)/;

/** Reads the cause chain of a Node (undici) fetch failure: `TypeError: fetch failed` → cause `{ code: 'ENOTFOUND' }` … */
export function classifyUnreachable(error: unknown, host: string): UnreachableFailure {
  const found = nodeCode(error);
  const code = toCode(found);
  return { kind: 'unreachable', code, host, ...(found && found !== code ? { detail: found } : {}) };
}

function toCode(found: string | undefined): UnreachableCode {
  if (!found) return 'UNKNOWN';
  if (TLS_CODE.test(found)) return 'TLS';
  if (found === 'UND_ERR_CONNECT_TIMEOUT') return 'ETIMEDOUT';
  if (found === 'UND_ERR_SOCKET') return 'ECONNRESET';
  return (Object.keys(UNREACHABLE_REASONS) as UnreachableCode[]).includes(found as UnreachableCode) ? (found as UnreachableCode) : 'UNKNOWN';
}

/** The first `code` along `cause` and inside AggregateError's `errors` (Node tries each address of a host). */
function nodeCode(value: unknown, depth = 0): string | undefined {
  if (typeof value !== 'object' || value === null || depth > 5) return undefined;
  const { code, cause, errors } = value as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && code) return code;
  const inCause = nodeCode(cause, depth + 1);
  if (inCause) return inCause;
  if (Array.isArray(errors)) {
    for (const inner of errors) {
      const found = nodeCode(inner, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/** The proxy's answer: 502, marked as its own, with the code and host as data and the reason in words. */
export function unreachableResponse(failure: UnreachableFailure): Response {
  const reason = UNREACHABLE_REASONS[failure.code] + (failure.detail ? ` (${failure.detail})` : '');
  return Response.json(
    { error: { ...failure, message: `The app's server could not reach ${failure.host}: ${reason}.` } },
    { status: 502, headers: { 'cache-control': 'no-store', [PROXY_MARK_HEADER]: 'unreachable' } },
  );
}

/** Reads a proxy answer back on the page side; undefined for anything the proxy did not mark as its own failure to connect. */
export function readUnreachable(headers: Record<string, string> | undefined, body: string | undefined): UnreachableFailure | undefined {
  if (!headers || !body) return undefined;
  const mark = Object.entries(headers).find(([k]) => k.toLowerCase() === PROXY_MARK_HEADER)?.[1];
  if (mark !== 'unreachable') return undefined;
  try {
    const error = (JSON.parse(body) as { error?: Partial<UnreachableFailure> }).error;
    if (!error || typeof error.host !== 'string') return undefined;
    const code = typeof error.code === 'string' && error.code in UNREACHABLE_REASONS ? (error.code as UnreachableCode) : 'UNKNOWN';
    return { kind: 'unreachable', code, host: error.host, ...(typeof error.detail === 'string' ? { detail: error.detail } : {}) };
  } catch {
    return undefined;
  }
}
