'use client';
// Publish in the Share dialog: the same payload as the hash link, stored on the app's server behind a short link;
// the <iframe> snippet for course pages; Unpublish for the records this playground holds the delete token of.
import { useEffect, useId } from 'react';
import { useLibraryStore } from '@/lib/store/library-store';
import { usePlaygroundStore } from '@/lib/store/playground-store';
import { embedSnippet, usePublishStore } from '@/lib/store/publish-store';
import { CopyButton } from '../ui/copy-button';

export function PublishSection({ withRun }: { withRun: boolean }) {
  const { busy, last, error, info, publish, unpublish, reset } = usePublishStore();
  const currentId = useLibraryStore((s) => s.currentId);
  const publications = useLibraryStore((s) => s.items.find((i) => i.id === s.currentId)?.publications);
  const title = usePlaygroundStore((s) => s.doc.title);
  const shortId = useId();
  const snippetId = useId();
  // What the dialog said last time belongs to that time (and maybe to another playground).
  useEffect(() => reset, [reset]);
  const shown = last && last.itemId === currentId ? last : undefined;
  const canUnpublish = (id: string) => publications?.some((p) => p.id === id) ?? false;
  const earlier = (publications ?? []).filter((p) => p.id !== shown?.id);

  return (
    <section aria-label="Publish" className="space-y-2 border-t border-zinc-200 pt-3 dark:border-zinc-800">
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className="btn" disabled={busy !== undefined} onClick={() => void publish(withRun)}>
          {busy === 'publish' ? 'Publishing…' : 'Publish'}
        </button>
        <span className="muted text-xs">
          Stores {withRun ? 'the playground and its run' : 'the playground'} on this app’s server and gives a short link. It stays until you unpublish it.
        </span>
      </div>
      {error && (
        <p role="alert" data-testid="publish-error" className="whitespace-pre-wrap text-red-800 dark:text-red-300">
          {error}
        </p>
      )}
      {info && (
        <p role="status" data-testid="publish-info" className="muted text-xs">
          {info}
        </p>
      )}
      {shown && (
        <div className="space-y-2" data-testid="published">
          <div className="space-y-1">
            <label htmlFor={shortId} className="label block">
              Short link
            </label>
            <div className="flex items-center gap-2">
              <input id={shortId} readOnly value={shown.url} className="field font-mono text-xs" onFocus={(e) => e.target.select()} />
              <CopyButton text={shown.url} label="Copy the short link" />
              {canUnpublish(shown.id) && (
                <button type="button" className="btn text-xs" disabled={busy !== undefined} onClick={() => void unpublish(shown.id)}>
                  {busy === 'unpublish' ? 'Unpublishing…' : 'Unpublish'}
                </button>
              )}
            </div>
          </div>
          {shown.withRun ? (
            <div className="space-y-1">
              <label htmlFor={snippetId} className="label block">
                Embed in a web page
              </label>
              <div className="flex items-start gap-2">
                <textarea id={snippetId} readOnly rows={3} value={embedSnippet(shown.url, title)} className="field font-mono text-xs" onFocus={(e) => e.target.select()} />
                <CopyButton text={embedSnippet(shown.url, title)} label="Copy the embed snippet" />
              </div>
              <p className="muted text-xs">The embed shows the recorded run read-only, with Replay; it never runs a model or asks for a key.</p>
            </div>
          ) : (
            <p className="muted text-xs" data-testid="embed-needs-run">
              No embed snippet: this record holds no run, and an embed shows a recorded run. Run the playground, then publish it with the run.
            </p>
          )}
        </div>
      )}
      {earlier.length > 0 && (
        <div className="space-y-1">
          <h3 className="label">Published earlier from this playground</h3>
          <ul className="space-y-1" aria-label="Published earlier">
            {earlier.map((p) => (
              <li key={p.id} className="flex items-center gap-2 text-xs">
                <a href={p.url} className="font-mono underline" target="_blank" rel="noopener noreferrer">
                  {p.url}
                </a>
                <span className="muted">{p.withRun ? 'with its run' : 'playground only'}</span>
                <button type="button" className="btn text-xs" aria-label={`Unpublish ${p.url}`} disabled={busy !== undefined} onClick={() => void unpublish(p.id)}>
                  Unpublish
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
