'use client';
// The opt-in toolbox: a checkbox per built-in tool, its documented source to read and copy, and web_search's key.
import { useId } from 'react';
import { BUILTIN_CATALOG } from '@/lib/builtins/catalog';
import { BRAVE_SEARCH_ORIGIN } from '@/lib/builtins/web-search';
import { usePlaygroundStore } from '@/lib/store/playground-store';
import { CopyButton } from '../ui/copy-button';
import { Disclosure } from '../ui/disclosure';
import { RememberSecret, SecretInput } from './secret-input';

export function BuiltinTools() {
  const enabled = usePlaygroundStore((s) => s.doc.builtinTools);
  const setBuiltinTool = usePlaygroundStore((s) => s.setBuiltinTool);
  const networkOn = usePlaygroundStore((s) => s.doc.sandbox.network.enabled);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="space-y-2" data-testid="builtin-tools">
      <h2 id={headingId} className="text-sm font-semibold">
        Built-in tools
      </h2>
      <p className="muted text-xs">Turn one on and the agent can call it like your own tools. They run in the app, not in the sandbox.</p>
      <ul className="space-y-3">
        {BUILTIN_CATALOG.map((tool) => {
          const on = enabled?.includes(tool.name) ?? false;
          return (
            <li key={tool.name} className="space-y-1">
              <label className="flex items-start gap-2 text-sm">
                <input type="checkbox" className="mt-1" checked={on} onChange={(e) => setBuiltinTool(tool.name, e.target.checked)} aria-label={tool.name} />
                <span>
                  <span className="font-mono font-medium">{tool.name}</span> — {tool.summary}
                </span>
              </label>
              {on && tool.name === 'visit_webpage' && !networkOn && (
                <p className="text-xs text-amber-800 dark:text-amber-300">Network access is off: allow the pages’ hosts in Settings → Sandbox, or every visit is refused.</p>
              )}
              {on && tool.name === 'web_search' && <SearchKeyField />}
              <Disclosure title={`View source of ${tool.name}`} className="pl-6">
                <div className="space-y-1">
                  <CopyButton text={tool.source} label={`Copy the source of ${tool.name}`} />
                  <pre className="max-h-72 overflow-auto rounded-sm bg-zinc-100 p-2 font-mono text-xs dark:bg-zinc-900" data-testid={`builtin-source-${tool.name}`}>
                    {tool.source}
                  </pre>
                </div>
              </Disclosure>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Brave Search's key, kept like a model's key: by origin, in memory unless remembered, sent only to the search API. */
function SearchKeyField() {
  const id = useId();
  return (
    <div className="space-y-1 pl-6">
      <label htmlFor={id} className="label block">
        Brave Search API key
      </label>
      <SecretInput id={id} origin={BRAVE_SEARCH_ORIGIN} placeholder="Needed for web_search" describedBy={`${id}-help`} forgetLabel="Forget key" />
      <RememberSecret origin={BRAVE_SEARCH_ORIGIN} label="Remember on this device" />
      <p id={`${id}-help`} className="muted text-xs">
        Sent only to <span className="font-mono">{BRAVE_SEARCH_ORIGIN}</span>; never in links, exports or traces. Without a key, web_search tells the agent it is not available.
      </p>
    </div>
  );
}
