// user_input: the agent asks the person a question mid-run; the answer is the call's result (so a trace keeps it).
import type { BuiltinTool } from './types';

export const USER_INPUT_SOURCE = `/**
 * Asks the person running the agent a question and waits for their answer. Use it when the task leaves out
 * something only the person knows; ask one short, clear question at a time.
 * @param question The question to show the person.
 * @returns The person's answer, as they typed it.
 */
export async function user_input(question: string): Promise<string> {
  // Runs on the host, not in the sandbox. The app shows the question with a "Your answer" box and a
  // "Send answer" button; \`npm run agent -- run\` reads one line from stdin. The answer becomes this
  // call's result in the run's events, so a recorded or shared run shows it again without asking.
  return await host.askThePerson(question);
}
`;

export const userInputTool: BuiltinTool = {
  name: 'user_input',
  summary: 'Asks you a question mid-run and waits for your answer.',
  source: USER_INPUT_SOURCE,
  async run(args, ctx) {
    const question = String(args.question).trim();
    if (!question) throw new TypeError('user_input needs a question: call user_input("your question")');
    if (!ctx.ask) throw new Error('user_input: nobody can answer here (no person is attached to this run); decide without asking');
    return await ctx.ask(question, { signal: ctx.signal, callId: ctx.callId });
  },
};
