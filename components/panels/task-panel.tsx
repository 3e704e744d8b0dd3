'use client';
// The task the agent is given, and what the playground is about. Run with an empty task is refused here, at the field.
import { useEffect, useRef } from 'react';
import { usePlaygroundStore } from '@/lib/store/playground-store';
import { useRunStore } from '@/lib/store/run-store';

export const TASK_FIELD_ID = 'task-field';
const TASK_ERROR_ID = 'task-field-error';

export function TaskPanel() {
  const task = usePlaygroundStore((s) => s.doc.task);
  const description = usePlaygroundStore((s) => s.doc.description);
  const setTask = usePlaygroundStore((s) => s.setTask);
  const emptyTask = useRunStore((s) => s.emptyTask);
  const field = useRef<HTMLTextAreaElement>(null);
  const refused = emptyTask !== undefined;

  useEffect(() => {
    if (!emptyTask?.focus) return;
    field.current?.focus();
    useRunStore.getState().taskFocused();
  }, [emptyTask]);

  return (
    <div className="space-y-3">
      {description && <p className="muted text-sm">{description}</p>}
      <label className="block space-y-1" htmlFor={TASK_FIELD_ID}>
        <span className="label">Task</span>
        <textarea
          ref={field}
          id={TASK_FIELD_ID}
          className="field min-h-40"
          value={task}
          aria-invalid={refused || undefined}
          aria-describedby={refused ? TASK_ERROR_ID : undefined}
          onChange={(e) => {
            useRunStore.getState().clearEmptyTask();
            setTask(e.target.value);
          }}
          placeholder="What should the agent do?"
        />
      </label>
      {refused && (
        <p id={TASK_ERROR_ID} className="text-sm font-medium text-red-800 dark:text-red-300">
          Write a task first: the agent needs something to do. Nothing was sent.
        </p>
      )}
      <p className="muted text-xs">Ctrl+Enter (⌘+Enter on a Mac) runs the agent from anywhere on the page.</p>
    </div>
  );
}
