// What each tour callout says and which real element of the playground it points at. The targets are the elements
// people already use (the Task field, the system prompt, the Run button, a step card), found in the page as it is.
import type { TourStepId } from '@/lib/store/tour-store';
import type { EditorTab, PhoneView } from '@/lib/store/ui-store';
import { TASK_FIELD_ID } from '../panels/task-panel';

export interface TourStepContent {
  title: string;
  body: string[];
  /** The tab and the phone view that show the target. */
  tab?: EditorTab;
  view?: PhoneView;
}

export const TOUR_CONTENT: Record<TourStepId, TourStepContent> = {
  task: {
    title: 'The task',
    body: [
      'This is what you ask the agent to do, in plain words. It is the first thing the model reads after its instructions.',
    ],
    tab: 'task',
    view: 'playground',
  },
  tools: {
    title: 'The tools, as the model sees them',
    body: [
      'Your tools are TypeScript functions. The model never sees their code: it sees this system prompt, with each tool’s name, parameters and documentation, and the rules for answering with a thought and a block of JavaScript.',
    ],
    tab: 'prompt',
    view: 'playground',
  },
  run: {
    title: 'Run',
    body: [
      'Run sends the system prompt and the task to the model. The code it writes runs in a sandbox where your tools are plain functions; what the code prints goes back to the model, and the loop goes on until the code calls final_answer().',
    ],
  },
  step: {
    title: 'One step: thought → code → observation',
    body: [
      'Each step of the loop is a card. The thought is the model explaining what it will do next. The code is the JavaScript it wrote: it calls your tools. The observation is what that code printed: the model reads it at the start of the next step.',
    ],
    view: 'run',
  },
};

/** Shown in the last callout while there is no step card yet. */
export const WAITING_FOR_STEP = 'No step yet: press Run and the first step card appears here.';
/** Added to the Run callout while nothing has run. */
export const PRESS_RUN = 'Press Run now (or Ctrl+Enter), or let the tour run it for you, then go on to see the first step.';

/** The Run button, or Stop while a run is going (the same place in the header). */
function runButton(): HTMLElement | undefined {
  const buttons = Array.from(document.querySelectorAll<HTMLElement>('header button'));
  return buttons.find((b) => /^(▶\s*)?(Run|Stop|Stopping…)$/.test(b.textContent?.trim() ?? ''));
}

/** The element a callout points at, or undefined while it is not on the page (the prompt still being built). */
export function findTarget(id: TourStepId): HTMLElement | undefined {
  switch (id) {
    case 'task':
      return document.getElementById(TASK_FIELD_ID) ?? undefined;
    case 'tools':
      return document.querySelector<HTMLElement>('[data-testid="system-prompt"]') ?? document.getElementById('panel-prompt') ?? undefined;
    case 'run':
      return runButton();
    case 'step':
      return document.querySelector<HTMLElement>('[data-testid="step"]') ?? document.querySelector<HTMLElement>('[data-testid="timeline"]') ?? undefined;
  }
}

/** Where focus goes when the tour ends on this callout: its target when that takes focus, else the nearest control. */
export function focusAfter(id: TourStepId): HTMLElement | undefined {
  const target = findTarget(id);
  if (target && (target.tabIndex >= 0 || target instanceof HTMLButtonElement || target instanceof HTMLTextAreaElement)) return target;
  // The prompt still being built: its tab. No step card yet: the timeline that will show it.
  const fallback = id === 'tools' ? document.getElementById('tab-prompt') : document.querySelector<HTMLElement>('[data-testid="timeline"]');
  return fallback ?? undefined;
}
