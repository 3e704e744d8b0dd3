'use client';
// The playgrounds saved in this browser: open one, start a new one, rename, duplicate, delete (with undo).
import { useId, useState } from 'react';
import { useLibraryStore, type LibraryItem } from '@/lib/store/library-store';
import { useRunStore } from '@/lib/store/run-store';
import { duplicateItem } from '@/lib/store/trust-store';
import { closePanelOf, PopoverPanel } from './popover-panel';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function LibraryMenu() {
  const items = useLibraryStore((s) => s.items);
  const deleted = useLibraryStore((s) => s.deleted);
  const { create, undoRemove } = useLibraryStore.getState();
  const busy = useRunStore((s) => s.phase !== 'idle');
  const sorted = [...items].sort((a, b) => b.updatedAt - a.updatedAt);
  const busyId = useId();

  return (
    <PopoverPanel label="Playgrounds" title="Your playgrounds" className="w-[min(28rem,calc(100vw-1rem))]">
      <div className="mb-2 flex items-center justify-between gap-2">
        <h2 className="font-semibold">Your playgrounds</h2>
        <button
          type="button"
          className="btn"
          disabled={busy}
          aria-describedby={busy ? busyId : undefined}
          onClick={(e) => {
            closePanelOf(e.currentTarget);
            create();
          }}
        >
          New playground
        </button>
      </div>
      {busy && (
        <p id={busyId} className="muted mb-2 text-xs">
          A run is going: stop it to switch playgrounds.
        </p>
      )}
      <p className="muted mb-2 text-xs">Saved in this browser only. Export a playground to keep it elsewhere.</p>
      <ul aria-label="Saved playgrounds" className="space-y-1">
        {sorted.map((item) => (
          <LibraryRow key={item.id} item={item} busy={busy} />
        ))}
      </ul>
      {deleted && (
        <p role="status" className="mt-2 flex items-center gap-2 text-xs">
          Deleted “{deleted.item.title}”.
          <button type="button" className="btn text-xs" onClick={undoRemove} disabled={busy && deleted.wasCurrent}>
            Undo
          </button>
        </p>
      )}
    </PopoverPanel>
  );
}

function LibraryRow({ item, busy }: { item: LibraryItem; busy: boolean }) {
  const current = useLibraryStore((s) => s.currentId === item.id);
  const { open, remove } = useLibraryStore.getState();
  const [renaming, setRenaming] = useState(false);

  return (
    <li data-testid="library-item" className={`rounded-md border p-2 ${current ? 'border-blue-500 dark:border-blue-400' : 'border-zinc-200 dark:border-zinc-700'}`}>
      {renaming ? (
        <RenameForm item={item} onDone={() => setRenaming(false)} />
      ) : (
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <button
            type="button"
            className="btn-ghost min-w-0 flex-1 truncate text-left font-medium"
            aria-current={current ? 'true' : undefined}
            disabled={busy && !current}
            onClick={(e) => {
              closePanelOf(e.currentTarget);
              open(item.id);
            }}
          >
            {item.title || 'Untitled playground'}
          </button>
          {current && <span className="text-xs font-medium text-blue-800 dark:text-blue-300">open</span>}
          <span className="muted w-full text-xs">Edited {when.format(item.updatedAt)}</span>
          <div className="flex gap-1">
            <button type="button" className="btn-ghost text-xs" aria-label={`Rename “${item.title}”`} onClick={() => setRenaming(true)}>
              Rename
            </button>
            <button type="button" className="btn-ghost text-xs" aria-label={`Duplicate “${item.title}”`} onClick={() => duplicateItem(item.id)}>
              Duplicate
            </button>
            <button type="button" className="btn-ghost text-xs" aria-label={`Delete “${item.title}”`} disabled={busy && current} onClick={() => remove(item.id)}>
              Delete
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

function RenameForm({ item, onDone }: { item: LibraryItem; onDone: () => void }) {
  const [title, setTitle] = useState(item.title);
  const id = useId();
  return (
    <form
      className="flex flex-wrap items-center gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        useLibraryStore.getState().rename(item.id, title);
        onDone();
      }}
    >
      <label htmlFor={id} className="sr-only">
        New name for “{item.title}”
      </label>
      <input
        id={id}
        className="field min-w-0 flex-1"
        value={title}
        autoFocus
        onChange={(e) => setTitle(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          // Escape leaves the name as it was, and keeps the list open.
          e.preventDefault();
          onDone();
        }}
      />
      <button type="submit" className="btn text-xs" disabled={!title.trim()}>
        Save
      </button>
      <button type="button" className="btn text-xs" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}
