'use client';
// Shown while a playground someone else made (a link, an imported file) is open: its tools are theirs, and every
// address it would contact is listed; nothing is contacted until the person presses Trust and enable.
import { useLibraryStore } from '@/lib/store/library-store';
import { usePlaygroundStore } from '@/lib/store/playground-store';
import { useShareStore, type SharedBanner as Banner } from '@/lib/store/share-store';
import { pendingAddresses, useCurrentReview, useTrustStore } from '@/lib/store/trust-store';
import { useUiStore } from '@/lib/store/ui-store';
import { Notice } from '../ui/notice';
import { ReviewAddresses } from './review-addresses';

const ORIGIN: Record<Banner['source'], string> = {
  link: 'Shared playground',
  'playground-file': 'Imported playground',
  'trace-file': 'Imported trace',
};

export function SharedBanner() {
  const banner = useShareStore((s) => s.banner);
  const currentId = useLibraryStore((s) => s.currentId);
  const review = useCurrentReview();
  const doc = usePlaygroundStore((s) => s.doc);
  const runRefused = useTrustStore((s) => s.runRefused === currentId);
  const dismissed = useTrustStore((s) => (currentId ? s.dismissed[currentId] === true : false));
  const recordLost = useTrustStore((s) => s.recordLost === true);
  const dismiss = useShareStore((s) => s.dismissBanner);
  const setTab = useUiStore((s) => s.setTab);
  const shown = banner?.itemId === currentId ? banner : undefined;
  const pending = pendingAddresses(review, doc);
  // Dismissed while nothing awaited review: it comes back as soon as something does (a model with an address chosen).
  if (!shown && !(review && (pending.length > 0 || !dismissed))) return null;
  const source = shown?.source ?? review!.source;
  const trust = () => {
    if (!currentId) return;
    useTrustStore.getState().trust(currentId);
    dismiss();
  };
  const hide = () => {
    dismiss();
    if (currentId) useTrustStore.getState().dismiss(currentId);
  };
  return (
    <Notice
      tone="warning"
      testId="shared-banner"
      actions={
        <>
          {review && (
            <button type="button" className="btn-primary text-xs" onClick={trust}>
              Trust and enable
            </button>
          )}
          <button type="button" className="btn text-xs" onClick={() => setTab('tools')}>
            Show the tools
          </button>
          {pending.length === 0 && (
            <button type="button" className="btn text-xs" onClick={hide}>
              Dismiss
            </button>
          )}
        </>
      }
    >
      {recordLost && !shown ? (
        <>
          <strong>Review this playground again.</strong> The record of which saved playgrounds came from someone else could not be read, so each one asks for review once.
        </>
      ) : (
        <>
          <strong>{ORIGIN[source]}: review the tools before running.</strong> Someone else wrote its tools, and they run only when you press Run.
        </>
      )}
      {shown?.recordedWith &&
        (shown.timeline
          ? ` The timeline shows the run recorded with ${shown.recordedWith}; Run replays it offline, with no key.`
          : ` Run replays the run recorded with ${shown.recordedWith}, offline, with no key.`)}
      {shown?.keptModel && ` Its own model, ${shown.keptModel}, is kept: choose it under Model to run live.`}
      {review && <ReviewAddresses pending={pending} runRefused={runRefused} />}
    </Notice>
  );
}
