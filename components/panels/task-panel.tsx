'use client';
// The task the agent is given, and what the playground is about.
import { usePlaygroundStore } from '@/lib/store/playground-store';

export function TaskPanel() {
  const task = usePlaygroundStore((s) => s.doc.task);
  const description = usePlaygroundStore((s) => s.doc.description);
  const setTask = usePlaygroundStore((s) => s.setTask);
  return (
    <div className="space-y-3">
      {description && <p className="muted text-sm">{description}</p>}
      <label className="block space-y-1">
        <span className="label">Task</span>
        <textarea className="field min-h-40" value={task} onChange={(e) => setTask(e.target.value)} placeholder="What should the agent do?" />
      </label>
      <p className="muted text-xs">Ctrl+Enter (⌘+Enter on a Mac) runs the agent from anywhere on the page.</p>
    </div>
  );
}
