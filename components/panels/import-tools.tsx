'use client';
// "Import tools from a link": paste a published id, a /p/ address or a share link, read its tools as the model would
// see them (marked untrusted, code viewable as plain text), tick the ones to add. Nothing from the link runs.
import { useId } from 'react';
import { useImportToolsStore } from '@/lib/store/import-tools-store';
import { Disclosure } from '../ui/disclosure';

export function ImportTools() {
  const { input, phase, error, from, offered, sourceProblems, chosen, problems, notice, setInput, load, toggle, add, reset } = useImportToolsStore();
  const headingId = useId();
  const inputId = useId();
  return (
    <section aria-labelledby={headingId} className="space-y-2" data-testid="import-tools">
      <h2 id={headingId} className="text-sm font-semibold">
        Import tools from a link
      </h2>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          void load();
        }}
      >
        <label htmlFor={inputId} className="block min-w-56 flex-1 space-y-1">
          <span className="label block">Published id, /p/ address or share link</span>
          <input
            id={inputId}
            className="field font-mono"
            value={input}
            onChange={(e) => setInput(e.target.value)}
            placeholder="https://…/p/Ab3dE_6hIj-k"
            spellCheck={false}
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${inputId}-error` : undefined}
          />
        </label>
        <button type="submit" className="btn" disabled={phase === 'loading' || !input.trim()}>
          {phase === 'loading' ? 'Reading…' : 'Read its tools'}
        </button>
      </form>
      {error && (
        <p id={`${inputId}-error`} role="alert" className="text-sm whitespace-pre-line text-red-800 dark:text-red-300">
          {error}
        </p>
      )}
      {notice && (
        <p role="status" className="text-sm">
          {notice}
        </p>
      )}
      {phase === 'ready' && from && (
        <div className="space-y-2 rounded-sm border border-amber-400 p-2 dark:border-amber-700" data-testid="import-offer">
          <p className="text-xs text-amber-900 dark:text-amber-200">
            <strong>Untrusted:</strong> these tools come from {from} and were written by someone else. Read their code before you add them; nothing from the
            link runs here, and only the tools you tick are added (not its model, servers or settings).
          </p>
          {sourceProblems.length > 0 && <p className="muted text-xs">Its tools source has problems; tools with problems are not offered ({sourceProblems[0]}).</p>}
          <ul className="space-y-3" aria-label="Tools in the link">
            {offered.map((tool) => (
              <li key={tool.name} className="space-y-1">
                <label className="flex items-start gap-2 text-sm">
                  <input type="checkbox" className="mt-1" checked={chosen.includes(tool.name)} onChange={(e) => void toggle(tool.name, e.target.checked)} aria-label={`Add ${tool.name}`} />
                  <span className="font-mono font-medium">{tool.name}</span>
                </label>
                <pre tabIndex={0} className="overflow-auto rounded-sm bg-zinc-100 p-2 font-mono text-xs whitespace-pre-wrap dark:bg-zinc-900" data-testid={`import-rendered-${tool.name}`} aria-label={`${tool.name} as the model sees it`}>
                  {tool.rendered}
                </pre>
                <Disclosure title={`View code of ${tool.name}${tool.helpers.length ? ` (with ${tool.helpers.join(', ')})` : ''}`} className="pl-6">
                  <pre tabIndex={0} className="max-h-72 overflow-auto rounded-sm bg-zinc-100 p-2 font-mono text-xs dark:bg-zinc-900" data-testid={`import-code-${tool.name}`}>
                    {tool.code}
                  </pre>
                </Disclosure>
              </li>
            ))}
          </ul>
          {problems.length > 0 && (
            <ul role="alert" aria-label="Why these tools can’t be added" className="space-y-1 text-sm text-red-800 dark:text-red-300">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
          <div className="flex gap-2">
            <button type="button" className="btn" disabled={chosen.length === 0 || problems.length > 0} onClick={() => void add()}>
              {chosen.length === 1 ? 'Add 1 tool' : `Add ${chosen.length} tools`}
            </button>
            <button type="button" className="btn-ghost" onClick={reset}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
