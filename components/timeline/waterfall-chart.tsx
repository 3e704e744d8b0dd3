'use client';
// The waterfall drawn: a row per step (its model call and code) and per tool call, bars placed on one shared time axis.
// Rows are virtualized in the timeline's own scroll area, so a 1,000-step run stays smooth.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { Waterfall, WaterfallBar, WaterfallRow } from '@/lib/trace/waterfall';
import { formatMs } from './format';
import { barFigures, barLabel, partLabel } from './waterfall-text';

const ROW_HEIGHT = 28;
const TICKS = [0, 0.25, 0.5, 0.75, 1];

export const PART_COLOUR = {
  model: 'bg-sky-500',
  code: 'bg-emerald-500',
  tool: 'bg-violet-500',
  member: 'bg-amber-500',
} as const;
/** Errors are red and striped, and carry a ✕: never told by colour alone. */
export const ERROR_STYLE = 'bg-red-600 bg-[repeating-linear-gradient(45deg,transparent_0_3px,rgba(255,255,255,0.45)_3px_5px)]';

interface Props {
  waterfall: Waterfall;
  scrollRef: RefObject<HTMLDivElement | null>;
  onOpenStep: (step: number) => void;
}

export function WaterfallChart({ waterfall, scrollRef, onOpenStep }: Props) {
  const { rows, totalMs } = waterfall;
  const listRef = useRef<HTMLUListElement>(null);
  // Where the rows begin in the scroll area (below the toolbar and the axis): the virtualizer counts from there.
  const [margin, setMargin] = useState(0);
  useLayoutEffect(() => {
    const list = listRef.current;
    const scroller = scrollRef.current;
    if (!list || !scroller) return;
    const next = list.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
    if (Math.abs(next - margin) > 1) setMargin(next);
  }, [scrollRef, margin, rows.length]);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render on purpose
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    scrollMargin: margin,
    getItemKey: (i) => rows[i]!.id,
  });
  const [active, setActive] = useState<string>();

  /** Arrow keys move between rows (scrolling rows into being); Home and End go to the first and last. */
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const from = (event.target as HTMLElement).closest<HTMLElement>('[data-row-index]');
    if (!from) return;
    const index = Number(from.dataset.rowIndex);
    const to = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: rows.length - 1 }[event.key];
    if (to === undefined || to < 0 || to >= rows.length) return;
    event.preventDefault();
    virtualizer.scrollToIndex(to);
    let frames = 0;
    const focus = () => {
      const bar = listRef.current?.querySelector<HTMLElement>(`[data-row-index="${to}"] button`);
      if (bar) bar.focus();
      else if (frames++ < 20) requestAnimationFrame(focus);
    };
    requestAnimationFrame(focus);
  };

  return (
    <div data-testid="waterfall-chart" className="text-xs">
      <div aria-hidden className="sticky top-0 z-20 flex h-6 items-end border-b border-zinc-200 bg-white dark:border-zinc-700 dark:bg-zinc-900">
        <div className="w-44 shrink-0" />
        <div className="relative mr-10 h-full flex-1">
          {TICKS.map((f) => (
            <span key={f} className="muted absolute bottom-0 border-l border-zinc-300 pl-0.5 whitespace-nowrap dark:border-zinc-600" style={{ left: `${f * 100}%` }}>
              {f === 1 ? '' : formatMs(f * totalMs)}
            </span>
          ))}
          <span className="muted absolute right-0 bottom-0 translate-x-full pl-1 whitespace-nowrap">{formatMs(totalMs)}</span>
        </div>
      </div>
      <ul ref={listRef} aria-label="Waterfall" onKeyDown={onKeyDown} className="relative" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index]!;
          return (
            <li
              key={item.key}
              data-testid="waterfall-row"
              data-row-index={item.index}
              data-kind={row.kind}
              data-depth={row.depth}
              aria-posinset={item.index + 1}
              aria-setsize={rows.length}
              className={`absolute top-0 left-0 flex w-full items-center ${active?.startsWith(`${row.id}:`) ? 'z-10' : ''}`}
              style={{ height: ROW_HEIGHT, transform: `translateY(${item.start - margin}px)` }}
            >
              <RowLabel row={row} />
              <div className="relative mr-10 h-full flex-1">
                {row.bars.map((bar) => (
                  <Bar key={bar.id} row={row} bar={bar} totalMs={totalMs} active={active === bar.id} onActive={setActive} onOpenStep={onOpenStep} />
                ))}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function RowLabel({ row }: { row: WaterfallRow }) {
  const call = row.kind === 'call' ? row.bars[0] : undefined;
  return (
    <div className="w-44 shrink-0 truncate pr-2" style={{ paddingLeft: `${row.depth * 0.75 + (call ? 0.75 : 0)}rem` }}>
      {call ? (
        <span className="font-mono">
          <span aria-hidden>↳ </span>
          {call.name}
        </span>
      ) : (
        <span className={row.depth === 0 ? 'font-semibold' : ''}>{row.stepLabel}</span>
      )}
    </div>
  );
}

interface BarProps {
  row: WaterfallRow;
  bar: WaterfallBar;
  totalMs: number;
  active: boolean;
  onActive: (id: string | undefined) => void;
  onOpenStep: (step: number) => void;
}

function Bar({ row, bar, totalMs, active, onActive, onOpenStep }: BarProps) {
  const left = (bar.startMs / totalMs) * 100;
  const width = (bar.durationMs / totalMs) * 100;
  const tipId = `waterfall-tip-${bar.id}`;
  const colour = bar.status === 'error' ? ERROR_STYLE : PART_COLOUR[bar.part];
  const faded = bar.status === 'running' || bar.status === 'interrupted' ? 'opacity-60' : '';
  const height = row.kind === 'step' ? 'top-1.5 h-4' : 'top-2 h-3';
  // A short model call is drawn over the code that follows it, so it can still be pointed at.
  const layer = bar.part === 'model' ? 'z-[1]' : '';
  return (
    <>
      <button
        type="button"
        data-testid="waterfall-bar"
        data-part={bar.part}
        data-status={bar.status}
        aria-label={barLabel(row, bar)}
        aria-describedby={active ? tipId : undefined}
        onClick={() => onOpenStep(row.openStep)}
        onMouseEnter={() => onActive(bar.id)}
        onMouseLeave={() => onActive(undefined)}
        onFocus={() => onActive(bar.id)}
        onBlur={() => onActive(undefined)}
        className={`absolute ${layer} ${height} min-w-[3px] rounded-sm ${colour} ${faded} focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-blue-700 dark:focus-visible:outline-blue-300`}
        style={{ left: `${left}%`, width: `${width}%` }}
      >
        {bar.firstTokenMs !== undefined && bar.durationMs > 0 && (
          <span aria-hidden data-testid="waterfall-first-token" className="absolute inset-y-0 w-0.5 bg-sky-950 dark:bg-white" style={{ left: `${Math.min(100, (bar.firstTokenMs / bar.durationMs) * 100)}%` }} />
        )}
      </button>
      {bar.status === 'error' && (
        <span aria-hidden className="pointer-events-none absolute top-1 font-bold text-red-700 dark:text-red-400" style={{ left: `calc(${left + width}% + 4px)` }}>
          ✕
        </span>
      )}
      {bar.retries?.map((r) => (
        <span
          key={r.attempt}
          aria-hidden
          data-testid="waterfall-retry"
          className="pointer-events-none absolute -top-0.5 -translate-x-1/2 font-bold text-amber-700 dark:text-amber-400"
          style={{ left: `${(r.atMs / totalMs) * 100}%` }}
        >
          ↻
        </span>
      ))}
      {active && (
        <div
          role="tooltip"
          id={tipId}
          data-testid="waterfall-tooltip"
          className="absolute top-full z-30 mt-0.5 w-max max-w-xs rounded-md border border-zinc-300 bg-white px-2 py-1 text-xs text-zinc-900 shadow-md dark:border-zinc-600 dark:bg-zinc-800 dark:text-zinc-100"
          style={left > 55 ? { right: `${Math.max(0, 100 - left - width)}%` } : { left: `${left}%` }}
        >
          <p className="font-semibold">
            {row.stepLabel} · {partLabel(bar)}
          </p>
          <p>{barFigures(bar)}</p>
        </div>
      )}
    </>
  );
}
