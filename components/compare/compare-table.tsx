'use client';
// The figures of both sides: outcome, steps, tool calls, tokens, cost, time.
import { compareTableRows, summarizeRun } from '@/lib/agent/compare-summary';
import type { CompareSide } from '@/lib/store/compare-store';
import { usePriceStore } from '@/lib/store/price-store';

export function CompareTable({ sides }: { sides: CompareSide[] }) {
  const prices = usePriceStore((s) => s.prices);
  const rows = compareTableRows(sides.map((side) => summarizeRun(side.state, prices)));
  return (
    <table aria-label="Comparison" className="w-full text-sm">
      <thead>
        <tr>
          <td />
          {sides.map((side) => (
            <th key={side.label} scope="col" className="px-2 py-1 text-left font-semibold">
              {side.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.label} className="border-t border-zinc-200 dark:border-zinc-800">
            <th scope="row" className="px-2 py-1 text-left font-medium">
              {row.label}
            </th>
            {row.values.map((value, i) => (
              <td key={sides[i]!.label} className="px-2 py-1 align-top break-words">
                {value}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
