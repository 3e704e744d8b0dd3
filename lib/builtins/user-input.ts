// user_input: the agent asks the person a question mid-run; the answer is the call's result (so a trace keeps it).
import { catalogEntry } from './catalog';
import type { RecordedStep } from '../agent/agent';
import type { BuiltinTool, UserAsker } from './types';


export const userInputTool: BuiltinTool = {
  name: 'user_input',
  ...catalogEntry('user_input'),
  async run(args, ctx) {
    const question = String(args.question).trim();
    if (!question) throw new TypeError('user_input needs a question: call user_input("your question")');
    if (!ctx.ask) throw new Error('user_input: nobody can answer here (no person is attached to this run); decide without asking');
    return await ctx.ask(question, { signal: ctx.signal, callId: ctx.callId });
  },
};

/**
 * The answers the person already gave in the recorded steps a fork replays (all but the edited last one), in order:
 * those steps' code runs again to rebuild the sandbox, and must not ask again.
 */
export function recordedAnswers(steps: readonly RecordedStep[]): string[] {
  return steps
    .slice(0, -1)
    .flatMap((s) => s.toolCalls ?? [])
    .flatMap((c) => (c.name === 'user_input' && typeof c.result === 'string' ? [c.result] : []));
}

/** Answers from `recorded` first, in order; then asks the person. */
export function replayingAsker(recorded: readonly string[], ask: UserAsker): UserAsker {
  const queue = [...recorded];
  return (question, ctx) => (queue.length > 0 ? Promise.resolve(queue.shift()!) : ask(question, ctx));
}
