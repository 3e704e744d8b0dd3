'use client';
// What the person must know before going on: a save that was set aside, an example that replaced their work, a run that could not start.
import { usePlaygroundStore } from '@/lib/store/playground-store';
import { useRunStore } from '@/lib/store/run-store';
import { useUiStore } from '@/lib/store/ui-store';
import { Notice } from '../ui/notice';

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

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
        <Notice
          tone="warning"
          testId="storage-notice"
          actions={
            <>
              {notice.backup !== undefined && (
                <button type="button" className="btn text-xs" onClick={() => download('agent-playground-backup.json', notice.backup!)}>
                  Download the backup
                </button>
              )}
              <button type="button" className="btn text-xs" onClick={dismissNotice}>
                Dismiss
              </button>
            </>
          }
        >
          {notice.message}
        </Notice>
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
