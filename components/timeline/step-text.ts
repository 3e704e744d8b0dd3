// The readable parts of a step's model output: the thought without the code block, a plan without its end marker.
import type { StepState } from '@/lib/agent';

export function thoughtOf(step: Pick<StepState, 'kind' | 'modelOutput' | 'code'>): string {
  const text = step.modelOutput;
  if (step.kind === 'planning') return text.replace(/<end_plan>[\s\S]*$/, '').trim();
  if (step.kind === 'final' || step.code === undefined) return text.trim();
  const fence = /^[ \t]*```/m.exec(text);
  const before = fence ? text.slice(0, fence.index) : text;
  return before.replace(/^\s*Thought:\s*/i, '').trim();
}

/** Cuts long output for display; the rest is one click away. */
export function previewOf(text: string, maxChars = 1_200, maxLines = 16): { preview: string; cut: boolean } {
  const lines = text.split('\n');
  let preview = lines.length > maxLines ? lines.slice(0, maxLines).join('\n') : text;
  if (preview.length > maxChars) preview = preview.slice(0, maxChars);
  return { preview, cut: preview.length < text.length };
}
