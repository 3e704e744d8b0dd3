// How the agent loop works: a diagram and a paragraph per part, for someone who has never seen an agent. Server
// rendered; a small client part applies the theme chosen in the playground (or the system's).
import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { ThemeClass } from '@/components/playground/theme-class';
import { LoopDiagram } from '@/components/tour/loop-diagram';

export const metadata: Metadata = {
  title: 'How the agent loop works · Agent Playground',
  description: 'The agent loop step by step: task, thought, code, sandbox, observation, final answer.',
};

// Written out in full: Tailwind finds class names in the source text, so they cannot be put together at run time.
const link =
  'font-medium text-blue-800 underline hover:text-blue-950 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-300 dark:hover:text-blue-100';

const PARTS: { title: string; text: string }[] = [
  {
    title: 'The task',
    text: 'You write what the agent should do, in plain words: “Which of these three cities is warmest today?” The agent is given the task together with a system prompt: the rules of the game and a description of every tool it may use. That system prompt is all the model knows about your tools; the Prompt tab shows it exactly as sent.',
  },
  {
    title: 'The model thinks',
    text: 'The model answers in text: first a thought, where it says what it knows and what it will try next, then one block of JavaScript. The thought is not run; it is there so the model reasons before it acts, and so you can follow along.',
  },
  {
    title: 'The code',
    text: 'The code is the action. Instead of picking one tool at a time, the model writes a short program: it may call several tools, loop over results, compare numbers and print what it found. Variables it sets stay there for the next step.',
  },
  {
    title: 'The sandbox runs your tools',
    text: 'The code runs in a sandbox in your browser (QuickJS, or Node.js in a WebContainer). Your tools are plain functions there; every call is recorded with its arguments, result and time. The sandbox has limits on memory and time, so a runaway loop is stopped, not your browser.',
  },
  {
    title: 'The observation',
    text: 'Whatever the code prints with console.log becomes the observation: the model reads it at the start of the next step. An error is an observation too: the model sees the message and the line, and can fix its code. This is the loop: think, act, observe, and think again with more to go on.',
  },
  {
    title: 'The final answer',
    text: 'When the model has what it needs, its code calls final_answer(x), and the run ends with x as the answer. If it runs out of steps first, the agent asks the model once more for a final answer from what it has seen.',
  },
  {
    title: 'CodeAgent and ToolCallingAgent',
    text: 'A CodeAgent acts by writing code that calls the tools, as above; a ToolCallingAgent instead asks for one tool call at a time as JSON and gets each result back as the observation, so the playground lets you run both on the same tools and compare them.',
  },
];

export default async function HowItWorks() {
  // Rendered per request, so Next can put this answer's CSP nonce on its scripts (proxy.ts).
  await connection();
  return (
    <div className="min-h-screen bg-white text-zinc-900 dark:bg-zinc-950 dark:text-zinc-100">
      <ThemeClass />
      <header className="border-b border-zinc-200 px-4 py-2 dark:border-zinc-800">
        <nav aria-label="Site">
          <Link href="/" className={link}>
            ← Back to the playground
          </Link>
        </nav>
      </header>
      <main className="mx-auto max-w-3xl space-y-6 px-4 py-6">
        <h1 className="text-2xl font-bold">How the agent loop works</h1>
        <p>
          An agent is a model that works in steps. It does not answer the task in one go: it writes a little code, sees
          what the code printed, and decides what to do next, until it can give the answer.
        </p>
        <figure className="space-y-2">
          <LoopDiagram id="loop-diagram" />
          <figcaption className="text-sm text-zinc-600 dark:text-zinc-400">
            One step is one turn around the loop: think, run, observe.
          </figcaption>
        </figure>
        {PARTS.map((part) => (
          <section key={part.title} aria-labelledby={slug(part.title)} className="space-y-2">
            <h2 id={slug(part.title)} className="text-lg font-semibold">
              {part.title}
            </h2>
            <p className="leading-7">{part.text}</p>
          </section>
        ))}
        <p className="flex flex-wrap gap-x-4 gap-y-1">
          <Link href="/" className={link}>
            Back to the playground
          </Link>
          <Link href="/?tour" className={link}>
            Take the tour of the playground
          </Link>
        </p>
      </main>
    </div>
  );
}

function slug(title: string): string {
  return title.toLowerCase().replace(/[^a-z]+/g, '-');
}
