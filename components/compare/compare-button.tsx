'use client';
// The header's Compare: runs the open playground's task under two setups (CodeAgent vs ToolCallingAgent by default).
import { useCompareStore } from '@/lib/store/compare-store';
import { usePlaygroundStore } from '@/lib/store/playground-store';

export function CompareButton({ disabled }: { disabled: boolean }) {
  const running = useCompareStore((s) => s.a.phase === 'running' || s.b.phase === 'running');
  const start = () => useCompareStore.getState().start(usePlaygroundStore.getState().doc);
  return (
    <button type="button" className="btn" onClick={start} disabled={disabled || running} title="Run the task under two setups side by side">
      Compare
    </button>
  );
}
