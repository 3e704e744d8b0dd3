// user_input: the agent asks the person a question mid-run; the answer is the call's result (so a trace keeps it).
import { catalogEntry } from './catalog';
import type { BuiltinTool } from './types';


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
