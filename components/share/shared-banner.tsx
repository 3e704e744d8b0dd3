'use client';
// Shown while a playground someone else made (a link, an imported file) is open: its tools are theirs, so look first.
import { useLibraryStore } from '@/lib/store/library-store';
import { useShareStore, type SharedBanner as Banner } from '@/lib/store/share-store';
import { useUiStore } from '@/lib/store/ui-store';
import { Notice } from '../ui/notice';

const ORIGIN: Record<Banner['source'], string> = {
  link: 'Shared playground',
  'playground-file': 'Imported playground',
  'trace-file': 'Imported trace',
};

export function SharedBanner() {
  const banner = useShareStore((s) => s.banner);
  const currentId = useLibraryStore((s) => s.currentId);
  const dismiss = useShareStore((s) => s.dismissBanner);
  const setTab = useUiStore((s) => s.setTab);
  if (!banner || banner.itemId !== currentId) return null;
  return (
    <Notice
      tone="warning"
      testId="shared-banner"
      actions={
        <>
          <button type="button" className="btn text-xs" onClick={() => setTab('tools')}>
            Show the tools
          </button>
          <button type="button" className="btn text-xs" onClick={dismiss}>
            Dismiss
          </button>
        </>
      }
    >
      <strong>{ORIGIN[banner.source]}: review the tools before running.</strong> Someone else wrote them, and they run only when you press Run.
      {banner.recordedWith &&
        (banner.timeline
          ? ` The timeline shows the run recorded with ${banner.recordedWith}; Run replays it offline, with no key.`
          : ` Run replays the run recorded with ${banner.recordedWith}, offline, with no key.`)}
      {banner.keptModel && ` Its own model, ${banner.keptModel}, is kept: choose it under Model to run live.`}
    </Notice>
  );
}
