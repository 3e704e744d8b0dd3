'use client';
// The waterfall as a table: every part of every step with its start, duration, tokens and state, for the keyboard and
// screen readers. A step's button opens its card.
import type { Waterfall } from '@/lib/trace/waterfall';
import { formatMs } from './format';
import { partLabel, statusText, tokensText } from './waterfall-text';

export function WaterfallTable({ waterfall, onOpenStep }: { waterfall: Waterfall; onOpenStep: (step: number) => void }) {
  return (
    <div className="overflow-x-auto">
      <table data-testid="waterfall-table" className="w-full text-left text-xs">
        <caption className="muted pb-1 text-left">
          Every part of every step, timed from the run’s start ({formatMs(waterfall.totalMs)} in all). A step’s button opens its card.
        </caption>
        <thead>
          <tr>
            <th scope="col" className="py-0.5 pr-2 font-medium">Step</th>
            <th scope="col" className="py-0.5 pr-2 font-medium">Part</th>
            <th scope="col" className="py-0.5 pr-2 text-right font-medium">Start</th>
            <th scope="col" className="py-0.5 pr-2 text-right font-medium">Duration</th>
            <th scope="col" className="py-0.5 pr-2 font-medium">Tokens</th>
            <th scope="col" className="py-0.5 font-medium">Status</th>
          </tr>
        </thead>
        <tbody>
          {waterfall.rows.flatMap((row) =>
            row.bars.map((bar) => (
              <tr key={bar.id} data-testid="waterfall-table-row" data-part={bar.part} data-status={bar.status} className="border-t border-zinc-100 align-top dark:border-zinc-800">
                <th scope="row" className="py-0.5 pr-2 font-normal whitespace-nowrap" style={{ paddingLeft: `${row.depth * 0.75}rem` }}>
                  <button type="button" className="btn-ghost text-xs underline-offset-2 hover:underline" onClick={() => onOpenStep(row.openStep)}>
                    {row.stepLabel}
                  </button>
                </th>
                <td className="py-0.5 pr-2">
                  {partLabel(bar)}
                  {bar.firstTokenMs !== undefined && <span className="muted"> (first token after {formatMs(bar.firstTokenMs)})</span>}
                </td>
                <td className="py-0.5 pr-2 text-right whitespace-nowrap tabular-nums">{formatMs(bar.startMs)}</td>
                <td className="py-0.5 pr-2 text-right whitespace-nowrap tabular-nums">{formatMs(bar.durationMs)}</td>
                <td className="py-0.5 pr-2 whitespace-nowrap">{tokensText(bar)}</td>
                <td className={`py-0.5 ${bar.status === 'error' ? 'text-red-800 dark:text-red-300' : bar.retries ? 'text-amber-800 dark:text-amber-300' : ''}`}>{statusText(bar)}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}
