'use client';
// The price and context window of the chosen model: the default list price when known, or the user's own.
import { useId, useState } from 'react';
import { DEFAULT_PRICES } from '@/lib/models/prices';
import { usePriceStore } from '@/lib/store/price-store';
import { describePrice, draftOf, PRICE_FIELDS, readDraft, type PriceDraft, type PriceField } from './price-draft';

/** Mount with key={modelId}: a new model starts from its own price. */
export function PriceEditor({ modelId }: { modelId: string }) {
  const own = usePriceStore((s) => s.prices[modelId]);
  const setPrice = usePriceStore((s) => s.setPrice);
  const listed = DEFAULT_PRICES[modelId];
  const [draft, setDraft] = useState<PriceDraft>(() => draftOf(own ?? listed));
  const [errors, setErrors] = useState<Partial<Record<PriceField, string>>>({});

  const onChange = (field: PriceField, text: string) => {
    const next = { ...draft, [field]: text };
    setDraft(next);
    const checked = readDraft(next);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setPrice(modelId, checked.price);
  };
  const useDefault = () => {
    setPrice(modelId, undefined);
    setDraft(draftOf(listed));
    setErrors({});
  };

  return (
    <fieldset className="space-y-2 rounded-md border border-zinc-200 p-2 dark:border-zinc-700">
      <legend className="px-1 text-sm font-medium">
        Price of <span className="font-mono">{modelId}</span>
      </legend>
      <p className="muted text-xs" data-testid="price-source">
        {listed ? `Default list price: ${describePrice(listed)}.` : 'No list price is known for this model: enter one to see what runs cost (0 for a local model).'}{' '}
        {own ? 'Your own price is used.' : listed ? 'Edit to use your own.' : ''}
      </p>
      <div className="grid gap-2 sm:grid-cols-2">
        {PRICE_FIELDS.map(({ field, label, placeholder }) => (
          <AmountBox key={field} label={label} placeholder={placeholder} value={draft[field]} error={errors[field]} onChange={(text) => onChange(field, text)} />
        ))}
      </div>
      {own && (
        <button type="button" className="btn" onClick={useDefault}>
          {listed ? 'Use default' : 'Clear my price'}
        </button>
      )}
    </fieldset>
  );
}

function AmountBox({ label, value, placeholder, error, onChange }: { label: string; value: string; placeholder: string; error?: string; onChange: (text: string) => void }) {
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="label block text-xs">
        {label}
      </label>
      <input
        id={id}
        className="field"
        inputMode="decimal"
        value={value}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && (
        <p id={`${id}-error`} className="text-xs text-red-800 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}
