'use client';
// Title, examples, model, agent type, Run / Stop.
import { EXAMPLES } from '@/lib/playground/examples';
import { usePlaygroundStore } from '@/lib/store/playground-store';
import { useRunStore } from '@/lib/store/run-store';
import { ThemeToggle } from './theme-toggle';

export function Header({ onRun }: { onRun: () => void }) {
  const title = usePlaygroundStore((s) => s.doc.title);
  const provider = usePlaygroundStore((s) => s.doc.model.provider);
  const agentType = usePlaygroundStore((s) => s.doc.agent.type);
  const { setTitle, loadExample, setModelProvider, updateAgent } = usePlaygroundStore.getState();
  const phase = useRunStore((s) => s.phase);
  const stop = useRunStore((s) => s.stop);
  const busy = phase !== 'idle';

  return (
    <header className="flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-zinc-200 px-3 py-2 dark:border-zinc-800">
      <h1 className="text-base font-bold whitespace-nowrap">Agent Playground</h1>
      <input className="field w-64 min-w-40 flex-1 font-medium" aria-label="Playground title" value={title} onChange={(e) => setTitle(e.target.value)} />
      <select
        className="field w-auto"
        aria-label="Load an example"
        value=""
        disabled={busy}
        onChange={(e) => {
          if (e.target.value) loadExample(e.target.value);
        }}
      >
        <option value="">Examples…</option>
        {EXAMPLES.map((e) => (
          <option key={e.id} value={e.id}>
            {e.playground.title}
          </option>
        ))}
      </select>
      <select className="field w-auto" aria-label="Model" value={provider} disabled={busy} onChange={(e) => setModelProvider(e.target.value as 'replay' | 'manual')}>
        <option value="replay">Replay (recorded responses)</option>
        <option value="manual">Manual (you are the model)</option>
      </select>
      <select className="field w-auto" aria-label="Agent type" value={agentType} disabled={busy} onChange={(e) => updateAgent({ type: e.target.value as 'code' | 'tool-calling' })}>
        <option value="code">CodeAgent</option>
        <option value="tool-calling">ToolCallingAgent</option>
      </select>
      {busy ? (
        <button type="button" className="btn-danger" onClick={stop} disabled={phase === 'stopping'} aria-keyshortcuts="Escape">
          {phase === 'stopping' ? 'Stopping…' : 'Stop'}
        </button>
      ) : (
        <button type="button" className="btn-primary" onClick={onRun} aria-keyshortcuts="Control+Enter Meta+Enter" title="Run (Ctrl+Enter)">
          ▶ Run
        </button>
      )}
      <ThemeToggle />
    </header>
  );
}
