// The price editor's boxes as text, checked into a ModelPrice: a box with a bad value explains itself and nothing is saved.
import type { ModelPrice } from '@/lib/models/prices';

export type PriceField = 'inputPerMillion' | 'cachedInputPerMillion' | 'outputPerMillion' | 'contextWindow';
export type PriceDraft = Record<PriceField, string>;

export const PRICE_FIELDS: { field: PriceField; label: string; placeholder: string }[] = [
  { field: 'inputPerMillion', label: '$ per million input tokens', placeholder: 'e.g. 0.40' },
  { field: 'cachedInputPerMillion', label: '$ per million cached input tokens', placeholder: 'same as input' },
  { field: 'outputPerMillion', label: '$ per million output tokens', placeholder: 'e.g. 1.60' },
  { field: 'contextWindow', label: 'Context window (tokens)', placeholder: 'e.g. 128000' },
];

export function draftOf(price: ModelPrice | undefined): PriceDraft {
  const text = (n: number | undefined) => (n === undefined ? '' : String(n));
  return {
    inputPerMillion: text(price?.inputPerMillion),
    cachedInputPerMillion: text(price?.cachedInputPerMillion),
    outputPerMillion: text(price?.outputPerMillion),
    contextWindow: text(price?.contextWindow),
  };
}

export type DraftCheck = { ok: true; price: ModelPrice } | { ok: false; errors: Partial<Record<PriceField, string>> };

const MAX_DOLLARS = 100_000;
const MAX_WINDOW = 100_000_000;

export function readDraft(draft: PriceDraft): DraftCheck {
  const errors: Partial<Record<PriceField, string>> = {};
  const dollars = (field: PriceField, required: boolean): number | undefined => {
    const text = draft[field].trim().replace(/^\$/, '');
    if (text === '') {
      if (required) errors[field] = 'Enter a price to save (0 for a free or local model).';
      return undefined;
    }
    const n = Number(text);
    if (!Number.isFinite(n) || n < 0 || n > MAX_DOLLARS) {
      errors[field] = `Enter an amount in dollars from 0 to ${MAX_DOLLARS.toLocaleString('en-US')}, e.g. 0.40.`;
      return undefined;
    }
    return n;
  };
  const inputPerMillion = dollars('inputPerMillion', true);
  const cachedInputPerMillion = dollars('cachedInputPerMillion', false);
  const outputPerMillion = dollars('outputPerMillion', true);
  let contextWindow: number | undefined;
  const windowText = draft.contextWindow.trim().replace(/[,_\s]/g, '');
  if (windowText !== '') {
    const n = Number(windowText);
    if (!Number.isInteger(n) || n < 1 || n > MAX_WINDOW) errors.contextWindow = `Enter a whole number of tokens from 1 to ${MAX_WINDOW.toLocaleString('en-US')}, or leave it empty.`;
    else contextWindow = n;
  }
  if (Object.keys(errors).length || inputPerMillion === undefined || outputPerMillion === undefined) return { ok: false, errors };
  return {
    ok: true,
    price: {
      inputPerMillion,
      outputPerMillion,
      ...(cachedInputPerMillion !== undefined ? { cachedInputPerMillion } : {}),
      ...(contextWindow !== undefined ? { contextWindow } : {}),
    },
  };
}

/** `$0.40 in, $0.10 cached, $1.60 out per million tokens; 1,047,576-token context`. */
export function describePrice(price: ModelPrice): string {
  const $ = (n: number) => `$${n.toFixed(n > 0 && n < 0.1 ? 3 : 2)}`;
  const parts = [`${$(price.inputPerMillion)} in`];
  if (price.cachedInputPerMillion !== undefined) parts.push(`${$(price.cachedInputPerMillion)} cached`);
  parts.push(`${$(price.outputPerMillion)} out per million tokens`);
  const context = price.contextWindow ? `; ${price.contextWindow.toLocaleString('en-US')}-token context` : '';
  return `${parts.join(', ')}${context}`;
}
