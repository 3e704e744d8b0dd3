'use client';
// The bundled examples, as a menu button: each opens as a new playground (yours stays in Playgrounds). Arrow keys
// only move the focus; an example loads on Enter, Space or a click.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { EXAMPLES } from '@/lib/playground/examples';
import { useLibraryStore } from '@/lib/store/library-store';

export function ExamplesMenu({ disabled }: { disabled: boolean }) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLUListElement>(null);
  const menuId = useId();
  // Which item takes the focus when the menu opens: the first (Enter, Space, ArrowDown, click) or the last (ArrowUp).
  const focusOnOpen = useRef<'first' | 'last'>('first');

  const items = () => [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];

  useEffect(() => {
    if (!open) return;
    const list = items();
    (focusOnOpen.current === 'last' ? list.at(-1) : list[0])?.focus();
    const onPointer = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const show = (where: 'first' | 'last') => {
    focusOnOpen.current = where;
    setOpen(true);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  const onButtonKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      show(e.key === 'ArrowDown' ? 'first' : 'last');
    }
  };

  const onMenuKey = (e: KeyboardEvent<HTMLUListElement>) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      e.preventDefault();
      list[(to + list.length) % list.length]?.focus();
    };
    if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(list.length - 1);
    else if (e.key === 'Escape') {
      e.preventDefault();
      close(true);
    } else if (e.key === 'Tab') close(false);
  };

  const choose = (id: string) => {
    close(true);
    useLibraryStore.getState().openExample(id);
  };

  return (
    // Below `lg` (in the header's More rows) the menu spans the screen under the button: the wrapper is not its anchor.
    <div className="lg:relative">
      <button
        ref={buttonRef}
        type="button"
        className="btn"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={disabled}
        title="Open a bundled example as a new playground"
        onClick={() => (open ? close(false) : show('first'))}
        onKeyDown={onButtonKey}
      >
        Examples
      </button>
      {open && (
        <ul
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label="Examples"
          className="card absolute inset-x-2 z-20 mt-1 p-1 text-sm lg:inset-x-auto lg:top-full lg:left-0 lg:w-72 text-zinc-900 shadow-lg dark:text-zinc-100"
          onKeyDown={onMenuKey}
        >
          {EXAMPLES.map((example) => (
            <li key={example.id} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="block w-full rounded px-2 py-1.5 text-left hover:bg-zinc-100 focus-visible:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:hover:bg-zinc-800 dark:focus-visible:bg-zinc-800"
                onClick={() => choose(example.id)}
              >
                {example.playground.title}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
