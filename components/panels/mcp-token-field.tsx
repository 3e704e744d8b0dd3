'use client';
// An MCP server's token (Bearer): kept like an API key, bound to the server's origin, in memory unless the person asks
// to remember it; never in the document, so never in a link, an export or a trace.
import { useId, useState } from 'react';
import { useKeyStore } from '@/lib/store/key-store';

export function McpTokenField({ origin }: { origin: string }) {
  const id = useId();
  const token = useKeyStore((s) => s.keys[origin] ?? '');
  const remembered = useKeyStore((s) => s.remembered[origin] === true);
  const { setKey, setRemember, forget } = useKeyStore.getState();
  const [draft, setDraft] = useState(token);
  const [shown, setShown] = useState(token);
  if (shown !== token) {
    // Forgotten, or set beside another server on the same origin: show the stored one.
    setShown(token);
    if (draft.trim() !== token) setDraft(token);
  }
  return (
    <div className="space-y-1">
      <label htmlFor={`${id}-token`} className="label block">
        Token for {origin}
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <input
          id={`${id}-token`}
          type="password"
          className="field max-w-80 font-mono placeholder:font-sans"
          value={draft}
          placeholder="Only if the server asks for one"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${id}-help`}
          onChange={(e) => {
            setDraft(e.target.value);
            setKey(origin, e.target.value);
          }}
        />
        <button
          type="button"
          className="btn"
          disabled={!token && !remembered}
          onClick={() => {
            forget(origin);
            setDraft('');
          }}
        >
          Forget token
        </button>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={remembered} onChange={(e) => setRemember(origin, e.target.checked)} />
        Remember in this browser
      </label>
      <p id={`${id}-help`} className="muted text-xs">
        Sent as a Bearer token to <span className="font-mono">{origin}</span> only, never put in the playground, its links or exports
        {remembered ? '; remembered in this browser until you forget it.' : '; forgotten when you close the tab.'} Press Connect to use a new token.
      </p>
    </div>
  );
}
