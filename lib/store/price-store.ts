// The user's own prices and context windows per model, over the built-in defaults; kept in this browser.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { priceFor, type ModelPrice } from '../models/prices';

export interface PriceStore {
  /** By model id (`openai:gpt-4.1-mini`). */
  prices: Record<string, ModelPrice>;
  setPrice: (modelId: string, price: ModelPrice | undefined) => void;
}

export const usePriceStore = create<PriceStore>()(
  persist(
    (set) => ({
      prices: {},
      setPrice: (modelId, price) =>
        set((s) => {
          const prices = { ...s.prices };
          if (price) prices[modelId] = price;
          else delete prices[modelId];
          return { prices };
        }),
    }),
    {
      name: 'agent-playground:prices',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      skipHydration: true,
      merge: (persisted, current) => ({ ...current, prices: validPrices((persisted as { prices?: unknown } | undefined)?.prices) }),
      partialize: ({ prices }) => ({ prices }),
    },
  ),
);

/** The price the UI uses for a model: the user's, else the default. */
export function usePrice(modelId: string | undefined): ModelPrice | undefined {
  const prices = usePriceStore((s) => s.prices);
  return modelId ? priceFor(modelId, prices) : undefined;
}

function validPrices(data: unknown): Record<string, ModelPrice> {
  if (!data || typeof data !== 'object') return {};
  const ok = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n >= 0;
  return Object.fromEntries(
    Object.entries(data).filter(
      (e): e is [string, ModelPrice] =>
        typeof e[1] === 'object' &&
        e[1] !== null &&
        ok((e[1] as ModelPrice).inputPerMillion) &&
        ok((e[1] as ModelPrice).outputPerMillion) &&
        ((e[1] as ModelPrice).cachedInputPerMillion === undefined || ok((e[1] as ModelPrice).cachedInputPerMillion)) &&
        ((e[1] as ModelPrice).contextWindow === undefined || ok((e[1] as ModelPrice).contextWindow)),
    ),
  );
}
