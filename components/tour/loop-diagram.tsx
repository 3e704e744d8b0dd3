// The agent loop as a picture, for the How it works page: task → model thinks → code → sandbox runs tools → output
// observed → back to the model, until the code calls final_answer. Static SVG (no script), with its text alternative.
// Colours follow the page's `dark` class (the theme chosen in the playground, or the system's).

export const LOOP_DIAGRAM_TITLE = 'The agent loop';
export const LOOP_DIAGRAM_DESCRIPTION =
  'The task goes to the model. The model thinks and writes a thought and a short piece of code. The sandbox runs the code, ' +
  'and the code calls your tools. What the code prints is the observation; the model reads it at the next step, thinks ' +
  'again and writes more code. The loop repeats until the code calls final_answer(x), which ends the run with x as the answer.';

interface Node {
  x: number;
  y: number;
  w: number;
  title: string;
  note: string;
}

const H = 64;
const NODES: Node[] = [
  { x: 10, y: 40, w: 130, title: 'Task', note: 'what you ask' },
  { x: 200, y: 40, w: 190, title: '1. Model thinks', note: 'a thought + code' },
  { x: 460, y: 40, w: 210, title: '2. Sandbox runs code', note: 'the code calls your tools' },
  { x: 200, y: 200, w: 190, title: '3. Output observed', note: 'what the code printed' },
  { x: 460, y: 200, w: 210, title: 'Final answer', note: 'final_answer(x) ends the run' },
];

const box = 'fill-white stroke-zinc-500 dark:fill-zinc-900 dark:stroke-zinc-400';
const label = 'fill-zinc-700 text-[13px] dark:fill-zinc-300';

export function LoopDiagram({ id }: { id: string }) {
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      viewBox="0 0 680 280"
      className="h-auto w-full max-w-3xl text-zinc-900 dark:text-zinc-100"
    >
      <title id={`${id}-title`}>{LOOP_DIAGRAM_TITLE}</title>
      <desc id={`${id}-desc`}>{LOOP_DIAGRAM_DESCRIPTION}</desc>
      <defs>
        <marker id={`${id}-arrow`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" fill="currentColor" />
        </marker>
      </defs>
      {NODES.map((n) => (
        <g key={n.title}>
          <rect x={n.x} y={n.y} width={n.w} height={H} rx="8" strokeWidth="1.5" className={box} />
          <text x={n.x + n.w / 2} y={n.y + 27} textAnchor="middle" fill="currentColor" className="text-[15px] font-semibold">
            {n.title}
          </text>
          <text x={n.x + n.w / 2} y={n.y + 48} textAnchor="middle" className={label}>
            {n.note}
          </text>
        </g>
      ))}
      <g stroke="currentColor" strokeWidth="1.75" fill="none" markerEnd={`url(#${id}-arrow)`}>
        <line x1="140" y1="72" x2="196" y2="72" />
        <line x1="390" y1="72" x2="456" y2="72" />
        <line x1="480" y1="104" x2="394" y2="204" />
        <line x1="295" y1="200" x2="295" y2="108" />
        <line x1="565" y1="104" x2="565" y2="196" />
      </g>
      <text x="423" y="62" textAnchor="middle" className={label}>
        code
      </text>
      <text x="300" y="158" className={label}>
        next step
      </text>
      <text x="452" y="168" textAnchor="end" className={label}>
        prints
      </text>
      <text x="575" y="158" className={label}>
        done
      </text>
    </svg>
  );
}
