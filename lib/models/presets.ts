// What the app knows about each provider and each OpenAI-compatible server: addresses, key names, set-up hints.
import { REAL_PROVIDERS, type ModelSettings, type OpenAICompatiblePreset, type ProviderModelSettings, type RealProvider } from '../playground/schema';

export interface ProviderInfo {
  label: string;
  /** Where keys are made, shown beside the key field. */
  keyHelp: string;
  /** The environment variable the CLI and the proxy read the key from. */
  envKey: string;
  keyRequired: boolean;
  exampleModel: string;
  /** The provider's own address; openai-compatible has none (each server has its own). */
  baseURL?: string;
}

export const PROVIDERS: Record<RealProvider, ProviderInfo> = {
  openai: { label: 'OpenAI', keyHelp: 'platform.openai.com → API keys', envKey: 'OPENAI_API_KEY', keyRequired: true, exampleModel: 'gpt-4.1-mini', baseURL: 'https://api.openai.com/v1' },
  anthropic: {
    label: 'Anthropic',
    keyHelp: 'console.anthropic.com → API keys',
    envKey: 'ANTHROPIC_API_KEY',
    keyRequired: true,
    exampleModel: 'claude-sonnet-4-5',
    baseURL: 'https://api.anthropic.com/v1',
  },
  google: { label: 'Google', keyHelp: 'aistudio.google.com → Get API key', envKey: 'GOOGLE_GENERATIVE_AI_API_KEY', keyRequired: true, exampleModel: 'gemini-2.5-flash', baseURL: 'https://generativelanguage.googleapis.com/v1beta' },
  'openai-compatible': {
    label: 'OpenAI-compatible',
    keyHelp: 'only if the server asks for one',
    envKey: 'OPENAI_COMPATIBLE_API_KEY',
    keyRequired: false,
    exampleModel: 'llama3.2',
  },
};

export interface PresetInfo {
  label: string;
  baseURL: string;
  /** Whether the server normally wants a key. */
  keyRequired: boolean;
  /** What to do when the browser can't reach it. */
  setup: string;
}

export const PRESETS: Record<OpenAICompatiblePreset, PresetInfo> = {
  ollama: {
    label: 'Ollama',
    baseURL: 'http://localhost:11434/v1',
    keyRequired: false,
    setup: 'start it with OLLAMA_ORIGINS set to this page’s origin (or *), e.g. OLLAMA_ORIGINS=* ollama serve, and pull the model first (ollama pull <model>).',
  },
  lmstudio: {
    label: 'LM Studio',
    baseURL: 'http://localhost:1234/v1',
    keyRequired: false,
    setup: 'in LM Studio’s Developer tab start the server and switch on “Enable CORS”, and load the model.',
  },
  vllm: {
    label: 'vLLM',
    baseURL: 'http://localhost:8000/v1',
    keyRequired: false,
    setup: 'start it with --allowed-origins \'["*"]\' (vllm serve <model> --allowed-origins …) so browsers may call it.',
  },
  openrouter: {
    label: 'OpenRouter',
    baseURL: 'https://openrouter.ai/api/v1',
    keyRequired: true,
    setup: 'use a key from openrouter.ai/keys; model names look like openai/gpt-4.1-mini.',
  },
  huggingface: {
    label: 'Hugging Face router',
    baseURL: 'https://router.huggingface.co/v1',
    keyRequired: true,
    setup: 'use a Hugging Face token with the “Make calls to Inference Providers” permission.',
  },
  custom: { label: 'Custom base URL', baseURL: '', keyRequired: false, setup: 'check that the server allows calls from this page’s origin (CORS).' },
};

/** A model reached over the network (not replay or manual). */
export function isProviderModel(model: ModelSettings): model is ProviderModelSettings {
  return (REAL_PROVIDERS as readonly string[]).includes(model.provider);
}

/** `openai:gpt-4.1-mini`, the id runs and price tables use. */
export function modelIdOf(settings: ProviderModelSettings): string {
  return `${settings.provider}:${settings.model}`;
}

/** True for addresses on this machine or the local network: the usual home of Ollama, LM Studio and vLLM. */
export function isLocalAddress(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  host = host.replace(/^\[|\]$/g, '');
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host.endsWith('.local') ||
    host === '::1' ||
    /^127\./.test(host) ||
    /^10\./.test(host) ||
    /^192\.168\./.test(host) ||
    /^172\.(1[6-9]|2\d|3[01])\./.test(host) ||
    host === '0.0.0.0'
  );
}
