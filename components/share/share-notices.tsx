'use client';
// Notices about sharing and saved playgrounds: a link or file that could not be opened, a library set aside, the shared banner.
import { useLibraryStore } from '@/lib/store/library-store';
import { useShareStore } from '@/lib/store/share-store';
import { useCurrentReview } from '@/lib/store/trust-store';
import { Notice } from '../ui/notice';
import { BackupNotice } from '../ui/backup-notice';
import { SharedBanner } from './shared-banner';

export function ShareNotices() {
  const notice = useShareStore((s) => s.notice);
  const dismissNotice = useShareStore((s) => s.dismissNotice);
  const stored = useLibraryStore((s) => s.notice);
  const dismissStored = useLibraryStore((s) => s.dismissNotice);
  const banner = useShareStore((s) => s.banner);
  const review = useCurrentReview();
  if (!notice && !stored && !banner && !review) return null;
  return (
    <div className="space-y-2 px-3 pt-2 empty:hidden">
      {notice && (
        <Notice
          tone={notice.tone}
          testId="share-notice"
          actions={
            <button type="button" className="btn text-xs" onClick={dismissNotice}>
              Dismiss
            </button>
          }
        >
          {notice.message}
        </Notice>
      )}
      {stored && (
        <BackupNotice testId="library-notice" fileName="agent-playground-library-backup.json" backup={stored.backup} onDismiss={dismissStored}>
          {stored.message}
        </BackupNotice>
      )}
      <SharedBanner />
    </div>
  );
}
