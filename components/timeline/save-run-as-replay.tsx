'use client';
// `Save this run as a replay`: a finished run's model turns become the playground's replay responses, to play offline.
import { useMemo, useState } from 'react';
import { replayResponsesFromRun } from '@/lib/models/replay-from-run';
import { useLibraryStore } from '@/lib/store/library-store';
import { usePlaygroundStore } from '@/lib/store/playground-store';
import { useRunStore } from '@/lib/store/run-store';
import { Notice } from '../ui/notice';

export function SaveRunAsReplay() {
  const state = useRunStore((s) => s.state);
  const idle = useRunStore((s) => s.phase === 'idle');
  const runItem = useRunStore((s) => s.itemId);
  const currentId = useLibraryStore((s) => s.currentId);
  const replay = useMemo(() => replayResponsesFromRun(state), [state]);
  const [outcome, setOutcome] = useState<{ for: unknown; tone: 'info' | 'error'; message: string }>();
  const shown = outcome?.for === state ? outcome : undefined;
  // Only into the playground the run was made with: another item's run would give it someone else's answers.
  const offer = idle && replay && runItem === currentId && !shown;
  if (!offer && !shown) return null;
  const save = () => {
    if (!replay) return;
    const result = usePlaygroundStore.getState().saveRunAsReplay(replay);
    const n = replay.main.length;
    setOutcome(
      result.ok
        ? { for: state, tone: 'info', message: `Saved ${n} response${n === 1 ? '' : 's'} as this playground’s replay: the model is now the replay model, and a run plays offline.` }
        : { for: state, tone: 'error', message: `This run can’t be saved as a replay: ${result.problems[0]?.message ?? 'unknown problem'}` },
    );
  };
  if (shown) {
    return (
      <Notice tone={shown.tone} testId="saved-as-replay">
        {shown.message}
      </Notice>
    );
  }
  return (
    <button type="button" className="btn text-xs" onClick={save}>
      Save this run as a replay
    </button>
  );
}
