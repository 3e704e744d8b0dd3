'use client';
// A save that failed: said once, with the way to keep the work anyway (export the playground as a file).
import { useState } from 'react';
import { makeExport } from '@/lib/store/share-store';
import { useSaveProblemStore } from '@/lib/store/save-problem-store';
import { downloadText } from '../ui/download';
import { Notice } from '../ui/notice';

export function SaveProblemNotice() {
  const problem = useSaveProblemStore((s) => s.problem);
  const dismiss = useSaveProblemStore((s) => s.dismiss);
  const [error, setError] = useState<string>();
  if (!problem) return null;
  const exportPlayground = () => {
    const file = makeExport('playground');
    if (!file.ok) return setError(file.message);
    setError(undefined);
    downloadText(file.name, file.text);
  };
  return (
    <Notice
      tone="warning"
      testId="save-notice"
      actions={
        <>
          <button type="button" className="btn text-xs" onClick={exportPlayground}>
            Export playground
          </button>
          <button type="button" className="btn text-xs" onClick={dismiss}>
            Dismiss
          </button>
        </>
      }
    >
      {problem.message}
      {error && `\n${error}`}
    </Notice>
  );
}
