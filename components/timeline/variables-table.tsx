'use client';
// The sandbox session's variables as a table: name, type, value preview, size, and what changed since the step before.
import type { VariableRow } from '@/lib/agent/variables-diff';

const CHANGE_STYLE = {
  new: 'bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-200',
  changed: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200',
  gone: 'bg-zinc-200 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200',
  same: '',
} as const;

export function VariablesTable({ rows, total, label, showChange }: { rows: VariableRow[]; total: number; label: string; showChange: boolean }) {
  const listed = rows.filter((r) => r.change !== 'gone').length;
  return (
    <div className="overflow-x-auto">
      <table aria-label={label} className="w-full text-left text-xs">
        <thead className="muted">
          <tr>
            <th scope="col" className="py-0.5 pr-2 font-medium">Name</th>
            <th scope="col" className="py-0.5 pr-2 font-medium">Type</th>
            <th scope="col" className="py-0.5 pr-2 font-medium">Value</th>
            <th scope="col" className="py-0.5 pr-2 font-medium">Size</th>
            {showChange && <th scope="col" className="py-0.5 font-medium">Change</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.name}:${r.change}`} data-testid="variable" data-change={r.change} className="border-t border-zinc-100 align-top dark:border-zinc-800">
              <th scope="row" className={`py-0.5 pr-2 font-mono font-semibold ${r.change === 'gone' ? 'line-through' : ''}`}>
                {r.name}
              </th>
              <td className="py-0.5 pr-2">{r.type}</td>
              <td className="py-0.5 pr-2 font-mono break-all whitespace-pre-wrap" data-testid="variable-preview">
                {r.preview}
              </td>
              <td className="py-0.5 pr-2 whitespace-nowrap">{r.size ?? ''}</td>
              {showChange && (
                <td className="py-0.5">
                  {r.change !== 'same' && <span className={`rounded px-1 ${CHANGE_STYLE[r.change]}`}>{r.change}</span>}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {total > listed && <p className="muted mt-1 text-xs">{`…and ${total - listed} more (the first ${listed} are listed).`}</p>}
    </div>
  );
}
