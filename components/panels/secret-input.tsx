'use client';
// A secret kept by origin in the key store (an API key, an MCP token, a search key): the password box with its Forget
// button, and the Remember checkbox. The box keeps what is typed (spaces and all) while the store holds it trimmed,
// and shows the stored value again when it changes elsewhere (forgotten, another origin chosen).
import { useState } from 'react';
import { useKeyStore } from '@/lib/store/key-store';

interface SecretInputProps {
  id: string;
  /** Where the secret goes; '' when there is no address yet (the box is disabled). */
  origin: string;
  placeholder: string;
  describedBy: string;
  /** `Forget key`, `Forget token`. */
  forgetLabel: string;
}

export function SecretInput({ id, origin, placeholder, describedBy, forgetLabel }: SecretInputProps) {
  const value = useKeyStore((s) => (origin ? (s.keys[origin] ?? '') : ''));
  const remembered = useKeyStore((s) => origin !== '' && s.remembered[origin] === true);
  const { setKey, forget } = useKeyStore.getState();
  const [draft, setDraft] = useState(value);
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    if (draft.trim() !== value) setDraft(value);
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      <input
        id={id}
        type="password"
        className="field max-w-80 font-mono placeholder:font-sans"
        value={draft}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={describedBy}
        disabled={!origin}
        onChange={(e) => {
          setDraft(e.target.value);
          setKey(origin, e.target.value);
        }}
      />
      <button
        type="button"
        className="btn"
        disabled={!value && !remembered}
        onClick={() => {
          forget(origin);
          setDraft('');
        }}
      >
        {forgetLabel}
      </button>
    </div>
  );
}

export function RememberSecret({ origin, label }: { origin: string; label: string }) {
  const remembered = useKeyStore((s) => origin !== '' && s.remembered[origin] === true);
  return (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" checked={remembered} disabled={!origin} onChange={(e) => useKeyStore.getState().setRemember(origin, e.target.checked)} />
      {label}
    </label>
  );
}
