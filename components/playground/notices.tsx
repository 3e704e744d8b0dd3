'use client';
// What the person must know before going on: a save that was set aside, an example that replaced their work, a run that could not start.
import { usePlaygroundStore } from '@/lib/store/playground-store';
import { useRunStore } from '@/lib/store/run-store';
import { useUiStore } from '@/lib/store/ui-store';
import { BackupNotice } from '../ui/backup-notice';
import { Notice } from '../ui/notice';

export function Notices() {
  const notice = usePlaygroundStore((s) => s.notice);
  const replaced = usePlaygroundStore((s) => s.replaced);
  const { dismissNotice, undoLoadExample } = usePlaygroundStore.getState();
  const startError = useRunStore((s) => s.startError);
  const setTab = useUiStore((s) => s.setTab);
  if (!notice && !replaced && !startError) return null;
  return (
    <div className="space-y-2 px-3 pt-2">
      {notice && (
        <BackupNotice testId="storage-notice" fileName="agent-playground-backup.json" backup={notice.backup} onDismiss={dismissNotice}>
          {notice.message}
        </BackupNotice>
      )}
      {replaced && (
        <Notice
          tone="info"
          testId="example-notice"
          actions={
            <button type="button" className="btn text-xs" onClick={undoLoadExample}>
              Undo
            </button>
          }
        >
          Loaded the example “{replaced.exampleTitle}”. Your previous playground can be brought back until you edit this one.
        </Notice>
      )}
      {startError && (
        <Notice
          tone="error"
          testId="start-error"
          actions={
            /tools source/.test(startError) ? (
              <button type="button" className="btn text-xs" onClick={() => setTab('tools')}>
                Show the tools
              </button>
            ) : undefined
          }
        >
          The run could not start: {startError}
        </Notice>
      )}
    </div>
  );
}
