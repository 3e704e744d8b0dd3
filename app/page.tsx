import { ExampleRunner } from '@/components/run/example-runner';

export default function Home() {
  return (
    <main className="mx-auto max-w-4xl space-y-6 p-6">
      <header>
        <h1 className="text-2xl font-bold">Agent Playground</h1>
        <p className="text-zinc-600 dark:text-zinc-400">
          Watch a code agent think, write JavaScript that calls its tools, and observe the results, step by step. Runs offline.
        </p>
      </header>
      <ExampleRunner />
    </main>
  );
}
