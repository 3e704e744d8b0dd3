'use client';
// Saved data that could not be read was kept aside: say so, offer the data as a file, let the person dismiss it.
import type { ReactNode } from 'react';
import { downloadText } from './download';
import { Notice } from './notice';

export function BackupNotice({ testId, fileName, backup, onDismiss, children }: { testId: string; fileName: string; backup?: string; onDismiss: () => void; children: ReactNode }) {
  return (
    <Notice
      tone="warning"
      testId={testId}
      actions={
        <>
          {backup !== undefined && (
            <button type="button" className="btn text-xs" onClick={() => downloadText(fileName, backup)}>
              Download the backup
            </button>
          )}
          <button type="button" className="btn text-xs" onClick={onDismiss}>
            Dismiss
          </button>
        </>
      }
    >
      {children}
    </Notice>
  );
}
