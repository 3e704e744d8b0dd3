'use client';
// After a run ends, a follow-up task continues it: the agent keeps its memory and its sandbox session (reset=False).
import { useId, useState } from 'react';
import { useRunStore } from '@/lib/store/run-store';

export function FollowUpBox() {
  const continuable = useRunStore((s) => s.continuable);
  const phase = useRunStore((s) => s.phase);
  const followUp = useRunStore((s) => s.followUp);
  const [task, setTask] = useState('');
  const [problem, setProblem] = useState<string>();
  const id = useId();
  if (!continuable || phase !== 'idle') return null;
  const send = () => {
    if (!task.trim()) {
      setProblem('Write the follow-up task first.');
      return;
    }
    if (followUp(task)) {
      setTask('');
      setProblem(undefined);
    }
  };
  return (
    <form
      className="card space-y-2 p-3"
      aria-label="Continue the conversation"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <label htmlFor={id} className="block text-sm font-semibold">
        Follow-up task
      </label>
      <textarea
        id={id}
        className="field min-h-16 w-full"
        value={task}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(e) => {
          setTask(e.target.value);
          setProblem(undefined);
        }}
        placeholder="The agent keeps what it knows and its variables."
      />
      {problem && (
        <p id={`${id}-problem`} role="alert" className="text-sm text-red-800 dark:text-red-300">
          {problem}
        </p>
      )}
      <button type="submit" className="btn">
        Continue
      </button>
    </form>
  );
}
