'use client';
// Said once after keys remembered by an earlier version were moved to the addresses they belong to (or dropped).
import { useKeyStore } from '@/lib/store/key-store';
import { Notice } from '../ui/notice';

export function KeyNotice() {
  const message = useKeyStore((s) => s.migrationNotice);
  const dismiss = useKeyStore((s) => s.dismissMigrationNotice);
  if (!message) return null;
  return (
    <div className="px-3 pt-2">
      <Notice
        tone="info"
        testId="key-notice"
        actions={
          <button type="button" className="btn text-xs" onClick={dismiss}>
            Dismiss
          </button>
        }
      >
        {message}
      </Notice>
    </div>
  );
}
