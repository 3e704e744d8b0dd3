// A real provider's model whose code (the AI SDK and its providers, about 1 MB) loads on the first call, so
// pages and workers that never call a real model don't pay for it. Missing keys are still refused at once.
import type { ProviderModelSettings } from '../playground/schema';
import { checkProviderSettings } from './check-provider-settings';
import { modelIdOf } from './presets';
import type { ProviderModelContext } from './provider-model';
import type { ModelClient } from './types';

export function createLazyProviderModel(settings: ProviderModelSettings, ctx: ProviderModelContext = {}): ModelClient {
  checkProviderSettings(settings, ctx);
  let loaded: Promise<ModelClient> | undefined;
  return {
    id: modelIdOf(settings),
    async generate(request, options) {
      loaded ??= import('./provider-model').then((m) => m.createProviderModel(settings, ctx));
      return (await loaded).generate(request, options);
    },
  };
}
