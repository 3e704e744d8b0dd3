// Which model API calls the proxy forwards: per provider, the paths below the base URL and their method. Anything
// else (an Ollama /api/pull, an admin page, files, fine-tuning) is refused, whatever host it would reach.

export type ApiPathProvider = 'openai' | 'anthropic' | 'google' | 'openai-compatible';

interface ApiPath {
  /** As shown in messages, e.g. `models/<id>`. */
  label: string;
  method: 'GET' | 'POST';
  matches(segments: readonly string[]): boolean;
}

const exact =
  (...want: string[]) =>
  (segments: readonly string[]) =>
    segments.length === want.length && want.every((s, i) => segments[i] === s);

const modelById = (segments: readonly string[]) => segments.length === 2 && segments[0] === 'models';
/** Gemini writes methods after a ':' (`models/x:generateContent`), so its model ids have none. */
const geminiModelById = (segments: readonly string[]) => modelById(segments) && !segments[1]!.includes(':');

const geminiMethod = (method: string) => (segments: readonly string[]) =>
  segments.length === 2 && segments[0] === 'models' && new RegExp(`^[^:]+:${method}$`).test(segments[1]!);

const OPENAI_PATHS: ApiPath[] = [
  { label: 'chat/completions', method: 'POST', matches: exact('chat', 'completions') },
  { label: 'completions', method: 'POST', matches: exact('completions') },
  { label: 'embeddings', method: 'POST', matches: exact('embeddings') },
  { label: 'models', method: 'GET', matches: exact('models') },
  { label: 'models/<id>', method: 'GET', matches: modelById },
];

const API_PATHS: Record<ApiPathProvider, ApiPath[]> = {
  openai: OPENAI_PATHS,
  'openai-compatible': OPENAI_PATHS,
  anthropic: [
    { label: 'messages', method: 'POST', matches: exact('messages') },
    { label: 'messages/count_tokens', method: 'POST', matches: exact('messages', 'count_tokens') },
    { label: 'models', method: 'GET', matches: exact('models') },
    { label: 'models/<id>', method: 'GET', matches: modelById },
  ],
  google: [
    { label: 'models/<model>:generateContent', method: 'POST', matches: geminiMethod('generateContent') },
    { label: 'models/<model>:streamGenerateContent', method: 'POST', matches: geminiMethod('streamGenerateContent') },
    { label: 'models', method: 'GET', matches: exact('models') },
    { label: 'models/<id>', method: 'GET', matches: geminiModelById },
  ],
};

/** `POST chat/completions, …` for messages. */
export function forwardedPaths(provider: ApiPathProvider): string {
  return API_PATHS[provider].map((p) => `${p.method} ${p.label}`).join(', ');
}

/**
 * Why the proxy does not forward this call, or undefined when it does. `segments` are the path below the base URL,
 * already decoded and checked one by one (no `.`, `..`, `/` or `\`). HEAD counts as GET.
 */
export function apiPathRefusal(provider: ApiPathProvider, segments: readonly string[], method: string): { status: number; message: string } | undefined {
  const verb = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
  const path = segments.join('/');
  const matching = API_PATHS[provider].filter((p) => p.matches(segments));
  if (matching.some((p) => p.method === verb)) return undefined;
  const list = forwardedPaths(provider);
  if (matching.length > 0) {
    return { status: 405, message: `The model proxy forwards ${path} for ${provider} only as ${matching.map((p) => p.method).join(' or ')}, not ${verb}. It forwards: ${list}.` };
  }
  return {
    status: 403,
    message: `The model proxy forwards model API calls only; ${JSON.stringify(path.slice(0, 120))} is not one. For ${provider} it forwards (below the base URL): ${list}.`,
  };
}
