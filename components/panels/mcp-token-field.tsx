'use client';
// An MCP server's token (Bearer): kept like an API key, bound to the server's origin, in memory unless the person asks
// to remember it; never in the document, so never in a link, an export or a trace.
import { useId } from 'react';
import { useKeyStore } from '@/lib/store/key-store';
import { RememberSecret, SecretInput } from './secret-input';

export function McpTokenField({ origin }: { origin: string }) {
  const id = useId();
  const remembered = useKeyStore((s) => s.remembered[origin] === true);
  return (
    <div className="space-y-1">
      <label htmlFor={`${id}-token`} className="label block">
        Token for {origin}
      </label>
      <SecretInput id={`${id}-token`} origin={origin} placeholder="Only if the server asks for one" describedBy={`${id}-help`} forgetLabel="Forget token" />
      <RememberSecret origin={origin} label="Remember in this browser" />
      <p id={`${id}-help`} className="muted text-xs">
        Sent as a Bearer token to <span className="font-mono">{origin}</span> only, never put in the playground, its links or exports
        {remembered ? '; remembered in this browser until you forget it.' : '; forgotten when you close the tab.'} Press Connect to use a new token.
      </p>
    </div>
  );
}
