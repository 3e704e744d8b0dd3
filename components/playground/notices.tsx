'use client';
// What the person must know before going on: a save that was set aside or failed, an example opened as a new
// playground (the one before is one click away), a run that could not start.
import { useLibraryStore } from '@/lib/store/library-store';
import { usePlaygroundStore } from '@/lib/store/playground-store';
import { useSaveProblemStore } from '@/lib/store/save-problem-store';
import { useRunStore } from '@/lib/store/run-store';
import { useUiStore } from '@/lib/store/ui-store';
import { SaveProblemNotice } from '../share/save-problem-notice';
import { BackupNotice } from '../ui/backup-notice';
import { Notice } from '../ui/notice';
import { isWebContainerBootError, useRunWaitingForBoot, WebContainerBootNotice, WebContainerFailureActions } from './webcontainer-notice';

export function Notices() {
  const notice = usePlaygroundStore((s) => s.notice);
  const { dismissNotice } = usePlaygroundStore.getState();
  const saveProblem = useSaveProblemStore((s) => s.problem);
  const opened = useLibraryStore((s) => (s.exampleOpened?.itemId === s.currentId ? s.exampleOpened : undefined));
  const { undoOpenExample, dismissExampleOpened } = useLibraryStore.getState();
  const startError = useRunStore((s) => s.startError);
  const setTab = useUiStore((s) => s.setTab);
  const booting = useRunWaitingForBoot();
  if (!notice && !saveProblem && !opened && !startError && !booting) return null;
  return (
    <div className="space-y-2 px-3 pt-2">
      {notice && (
        <BackupNotice testId="storage-notice" fileName="agent-playground-backup.json" backup={notice.backup} onDismiss={dismissNotice}>
          {notice.message}
        </BackupNotice>
      )}
      <SaveProblemNotice />
      {opened && (
        <Notice
          tone="info"
          testId="example-notice"
          actions={
            <>
              {opened.previousId && (
                <button type="button" className="btn text-xs" onClick={undoOpenExample}>
                  Undo
                </button>
              )}
              <button type="button" className="btn text-xs" onClick={dismissExampleOpened}>
                Dismiss
              </button>
            </>
          }
        >
          Opened the example “{opened.title}” as a new playground.
          {opened.previousTitle !== undefined && ` Your playground “${opened.previousTitle || 'Untitled playground'}” is kept in Playgrounds.`}
        </Notice>
      )}
      {booting && <WebContainerBootNotice status={booting} />}
      {startError && (
        <Notice
          tone="error"
          testId="start-error"
          actions={
            /tools source/.test(startError) ? (
              <button type="button" className="btn text-xs" onClick={() => setTab('tools')}>
                Show the tools
              </button>
            ) : /MCP server '/.test(startError) ? (
              <button type="button" className="btn text-xs" onClick={() => setTab('settings')}>
                Show the MCP servers
              </button>
            ) : isWebContainerBootError(startError) ? (
              <WebContainerFailureActions />
            ) : undefined
          }
        >
          The run could not start: {startError}
        </Notice>
      )}
    </div>
  );
}
