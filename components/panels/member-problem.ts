// How a refused team-member edit is said: the schema's rule, as a sentence.
import type { MemberProblem } from '@/lib/playground/managed-agent-edit';

export function sentence(message: string): string {
  const text = `${message.charAt(0).toUpperCase()}${message.slice(1)}`;
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** The first problem, or the first about `field`, as a sentence. */
export function firstProblem(problems: MemberProblem[], field?: string): string {
  const problem = (field && problems.find((p) => p.field === field)) || problems[0];
  return sentence(problem?.message ?? 'not a valid team member');
}
