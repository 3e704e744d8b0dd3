'use client';
// Settings → Agent → Final-answer checks: which functions of the tools source must accept the final answer before a
// run ends. A check the document names but the source no longer has stays listed, with a warning, until removed.
import { useId } from 'react';
import { finalAnswerCheckRows, setFinalAnswerCheck } from '@/lib/playground/final-answer-checks-edit';
import { useAnalysisStore } from '@/lib/store/analysis-store';
import { usePlaygroundStore } from '@/lib/store/playground-store';

export function FinalAnswerChecksField() {
  const id = useId();
  const checks = usePlaygroundStore((s) => s.doc.agent.finalAnswerChecks);
  const updateAgent = usePlaygroundStore((s) => s.updateAgent);
  const functionNames = useAnalysisStore((s) => s.analysis?.functionNames);
  // Until the first analysis is back, nothing is known to be missing: the checks show as they are.
  const rows = functionNames ? finalAnswerCheckRows(functionNames, checks) : checks.map((name) => ({ name, checked: true, missing: false }));
  const set = (name: string, on: boolean) => updateAgent({ finalAnswerChecks: setFinalAnswerCheck(checks, functionNames ?? [], name, on) });
  return (
    <div role="group" aria-labelledby={`${id}-label`} aria-describedby={`${id}-help`} className="space-y-1" data-testid="final-answer-checks">
      <span id={`${id}-label`} className="label block">
        Final-answer checks
      </span>
      <p id={`${id}-help`} className="muted text-xs">
        Each ticked function of the tools source is called with the final answer before the run ends. If it throws, returns false or returns a string, the answer
        is rejected: the model sees that reason as the step’s error and gets another step. Any other result accepts it.
      </p>
      {!functionNames && <p className="muted text-xs">Reading the tools source…</p>}
      {functionNames && rows.length === 0 && <p className="muted text-xs">The tools source has no functions yet.</p>}
      <ul className="space-y-1 text-sm">
        {rows.map((row) =>
          row.missing ? (
            <li key={row.name} className="flex flex-wrap items-center gap-2 rounded-md bg-amber-50 p-2 text-amber-900 dark:bg-amber-950 dark:text-amber-200" data-testid="missing-final-answer-check">
              <span>
                The check <code className="font-mono">{row.name}</code> is not a function of the tools source (renamed or removed): a run will not start until it is
                back or removed.
              </span>
              <button type="button" className="btn-ghost text-xs" aria-label={`Remove the check ${row.name}`} onClick={() => set(row.name, false)}>
                Remove
              </button>
            </li>
          ) : (
            <li key={row.name}>
              <label className="flex items-center gap-2">
                <input type="checkbox" checked={row.checked} disabled={!functionNames} onChange={(e) => set(row.name, e.target.checked)} />
                <code className="font-mono">{row.name}</code>
              </label>
            </li>
          ),
        )}
      </ul>
    </div>
  );
}
