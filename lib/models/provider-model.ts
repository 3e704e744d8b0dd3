// Builds a ModelClient for a real provider from the playground's model settings and a key held outside the document.
import { createAnthropic } from '@ai-sdk/anthropic';
import { createGoogleGenerativeAI } from '@ai-sdk/google';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModel } from 'ai';
import type { ProviderModelSettings } from '../playground/schema';
import { createAiSdkModel } from './ai-sdk-model';
import { PROVIDERS, modelIdOf } from './presets';
import { PROXY_BASE_URL_HEADER, proxyBaseURL } from './proxy-policy';
import { checkProviderSettings } from './check-provider-settings';
import { withoutEmptyCredentials } from './without-empty-credentials';
import type { ModelClient } from './types';

export interface ProviderModelContext {
  /** The key for these settings' provider, if the user gave one. */
  apiKey?: string;
  /** Replaces the provider's default address (the CLI's --base-url; tests). Ignored for openai-compatible, which has its own. */
  baseURL?: string;
  /** The app's origin, for calls through its proxy, and to explain browser-side failures. */
  pageOrigin?: string;
  fetch?: typeof globalThis.fetch;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export function createProviderModel(settings: ProviderModelSettings, ctx: ProviderModelContext = {}): ModelClient {
  const info = PROVIDERS[settings.provider];
  const apiKey = checkProviderSettings(settings, ctx);
  const viaProxy = settings.via === 'proxy';
  const preset = settings.provider === 'openai-compatible' ? settings.preset : undefined;
  const targetURL = settings.provider === 'openai-compatible' ? settings.baseURL.replace(/\/+$/, '') : ctx.baseURL;
  const baseURL = viaProxy ? proxyBaseURL(ctx.pageOrigin!, settings.provider) : targetURL;
  const shownURL = targetURL ?? info.baseURL;
  // Through the proxy without a key of the user's: send no credential header at all, so the server's key may be used.
  const fetch = viaProxy && !apiKey ? withoutEmptyCredentials(ctx.fetch ?? ((input, init) => globalThis.fetch(input, init))) : ctx.fetch;
  const common = { ...(fetch ? { fetch } : {}), ...(baseURL ? { baseURL } : {}) };

  let model: LanguageModel;
  switch (settings.provider) {
    case 'openai':
      model = createOpenAI({ apiKey, ...common }).chat(settings.model);
      break;
    case 'anthropic':
      model = createAnthropic({ apiKey, ...common, headers: { 'anthropic-dangerous-direct-browser-access': 'true' } })(settings.model);
      break;
    case 'google':
      model = createGoogleGenerativeAI({ apiKey, ...common })(settings.model);
      break;
    case 'openai-compatible':
      model = createOpenAICompatible({
        name: settings.preset,
        baseURL: baseURL!,
        ...(apiKey || viaProxy ? { apiKey } : {}),
        includeUsage: true,
        ...(fetch ? { fetch } : {}),
        ...(viaProxy ? { headers: { [PROXY_BASE_URL_HEADER]: targetURL! } } : {}),
      })(settings.model);
      break;
  }
  return createAiSdkModel({
    id: modelIdOf(settings),
    model,
    maxRetries: settings.maxRetries,
    timeoutMs: settings.timeoutMs,
    ...(settings.temperature !== undefined ? { temperature: settings.temperature } : {}),
    ...(settings.maxOutputTokens !== undefined ? { maxOutputTokens: settings.maxOutputTokens } : {}),
    secrets: apiKey ? [apiKey] : [],
    context: {
      provider: settings.provider,
      model: settings.model,
      via: settings.via,
      ...(shownURL ? { baseURL: shownURL } : {}),
      ...(preset ? { preset } : {}),
      ...(ctx.pageOrigin ? { pageOrigin: ctx.pageOrigin } : {}),
    },
    ...(ctx.sleep ? { sleep: ctx.sleep } : {}),
  });
}
