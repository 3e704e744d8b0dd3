'use client';
// Settings → Team members: the managed agents the main agent can call like tools, each editable, with Undo after Remove.
import { useState } from 'react';
import { usePlaygroundStore } from '@/lib/store/playground-store';
import { Notice } from '../ui/notice';
import { firstProblem } from './member-problem';
import { TeamMemberEditor } from './team-member-editor';

export function TeamSettings() {
  const members = usePlaygroundStore((s) => s.doc.agent.managedAgents);
  const epoch = usePlaygroundStore((s) => s.teamEpoch);
  const { addManagedAgent } = usePlaygroundStore.getState();
  const [addError, setAddError] = useState<string>();
  const add = () => {
    const result = addManagedAgent();
    setAddError(result.ok ? undefined : firstProblem(result.problems));
  };
  return (
    <fieldset className="space-y-3" data-testid="team-settings">
      <legend className="text-sm font-semibold">Team members</legend>
      <p className="muted text-sm">
        Managed agents the main agent can call like a tool, with a task: each runs with its own tools and steps, and its final answer comes back as the
        tool’s result.
      </p>
      <RemovedNotice />
      {members.length === 0 && <p className="muted text-sm">No team members yet.</p>}
      {members.map((member, index) => (
        <TeamMemberEditor key={`${epoch}:${index}`} member={member} index={index} />
      ))}
      <div className="space-y-1">
        <button type="button" className="btn" onClick={add}>
          Add team member
        </button>
        {addError && (
          <p role="alert" className="text-xs text-red-800 dark:text-red-300">
            {addError}
          </p>
        )}
      </div>
    </fieldset>
  );
}

function RemovedNotice() {
  const removed = usePlaygroundStore((s) => s.removedMember);
  const { undoRemoveManagedAgent, dismissRemovedMember } = usePlaygroundStore.getState();
  const [error, setError] = useState<{ for: unknown; message: string }>();
  if (!removed) return null;
  const undo = () => {
    const result = undoRemoveManagedAgent();
    if (!result.ok) setError({ for: removed, message: firstProblem(result.problems) });
  };
  return (
    <Notice
      tone="info"
      testId="member-removed"
      actions={
        <>
          <button type="button" className="btn text-xs" onClick={undo}>
            Undo
          </button>
          <button type="button" className="btn text-xs" onClick={dismissRemovedMember}>
            Dismiss
          </button>
        </>
      }
    >
      Removed the team member <span className="font-mono">{removed.member.name}</span>.
      {error?.for === removed && ` It can’t be put back as it was: ${error.message}`}
    </Notice>
  );
}
