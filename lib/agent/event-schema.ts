// A schema for agent events that come from outside (a shared link, an imported file): a run is only folded
// into the timeline once every event has the shape the UI relies on.
import { z } from 'zod';
import type { AgentEvent } from './events';

const usage = z.object({
  inputTokens: z.number().nonnegative(),
  outputTokens: z.number().nonnegative(),
  cachedInputTokens: z.number().nonnegative().optional(),
  estimated: z.boolean().optional(),
});
const toolCall = z.object({ id: z.string(), name: z.string(), arguments: z.unknown() });
const sandboxError = z.object({ type: z.string(), message: z.string(), line: z.number().int().optional() });
const step = z.number().int().min(0);
export const injectedFaultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fail'), message: z.string() }).strict(),
  z.object({ kind: z.literal('slow'), delayMs: z.number().nonnegative() }).strict(),
  z.object({ kind: z.literal('junk') }).strict(),
  z.object({ kind: z.literal('inject'), text: z.string() }).strict(),
]);

const scope = {
  agent: z.string().min(1),
  parent: z.object({ agent: z.string(), step, callId: z.string() }).optional(),
  t: z.number().nonnegative(),
};

/** One event type's fields plus the scope every event has; unknown fields are refused. */
const ev = <T extends z.ZodRawShape>(shape: T) => z.object({ ...shape, ...scope }).strict();

export const agentEventSchema = z.discriminatedUnion('type', [
  ev({
    type: z.literal('run_start'),
    runId: z.string(),
    task: z.string(),
    agentType: z.enum(['code', 'tool-calling']),
    maxSteps: z.number().int().min(1),
    systemPrompt: z.string(),
    promptTemplates: z.partialRecord(z.enum(['initialPlan', 'updatePlan', 'finalAnswer']), z.string()).optional(),
    startedAt: z.string(),
    model: z.string(),
    sandbox: z.string(),
    forkOf: z.object({ runId: z.string(), step }).strict().optional(),
    toolCallFormat: z.literal('text').optional(),
    tools: z
      .array(z.object({ name: z.string(), description: z.string(), parameters: z.array(z.string()).max(100), objectArgument: z.boolean().optional() }).strict())
      .max(1000)
      .optional(),
  }),
  ev({ type: z.literal('follow_up'), task: z.string() }),
  ev({ type: z.literal('step_start'), step, kind: z.enum(['planning', 'action', 'final']), source: z.enum(['recorded', 'edited']).optional() }),
  ev({ type: z.literal('model_delta'), step, text: z.string() }),
  ev({ type: z.literal('model_retry'), step, attempt: z.number().int(), delayMs: z.number().nonnegative(), reason: z.string() }),
  ev({
    type: z.literal('model_end'),
    step,
    text: z.string(),
    toolCalls: z.array(toolCall).optional(),
    usage,
    durationMs: z.number().nonnegative(),
    firstTokenMs: z.number().nonnegative().optional(),
    finishReason: z.string().optional(),
    responseModel: z.string().optional(),
    responseId: z.string().optional(),
  }),
  ev({ type: z.literal('code'), step, code: z.string() }),
  ev({ type: z.literal('tool_call_start'), step, callId: z.string(), name: z.string(), server: z.string().optional(), args: z.unknown() }),
  ev({
    type: z.literal('tool_call_end'),
    step,
    callId: z.string(),
    name: z.string(),
    server: z.string().optional(),
    result: z.unknown().optional(),
    error: z.string().optional(),
    durationMs: z.number().nonnegative(),
    recorded: z.object({ result: z.unknown().optional(), error: z.string().optional() }).strict().optional(),
    injected: z.array(injectedFaultSchema).max(4).optional(),
  }),
  ev({ type: z.literal('log'), step, level: z.enum(['log', 'info', 'warn', 'error']), text: z.string() }),
  ev({
    type: z.literal('variables'),
    step,
    variables: z.array(z.object({ name: z.string(), type: z.string(), preview: z.string(), size: z.string().optional() }).strict()).max(1000),
    total: z.number().int().nonnegative(),
  }),
  ev({ type: z.literal('observation'), step, text: z.string() }),
  ev({ type: z.literal('step_error'), step, error: sandboxError }),
  ev({ type: z.literal('final_answer'), step, answer: z.unknown() }),
  ev({
    type: z.literal('step_end'),
    step,
    usage,
    timing: z.object({ modelMs: z.number().nonnegative(), executionMs: z.number().nonnegative(), totalMs: z.number().nonnegative() }),
  }),
  ev({
    type: z.literal('run_end'),
    status: z.enum(['success', 'max_steps', 'error', 'aborted']),
    finalAnswer: z.unknown().optional(),
    usage,
    durationMs: z.number().nonnegative(),
    error: z.object({ type: z.string(), message: z.string() }).optional(),
  }),
]);


/** Checks untrusted events; the message names the first bad event and field. */
export function parseAgentEvents(input: unknown): { ok: true; events: AgentEvent[] } | { ok: false; message: string } {
  if (!Array.isArray(input)) return { ok: false, message: 'the run’s events must be a list' };
  for (let i = 0; i < input.length; i++) {
    const result = agentEventSchema.safeParse(input[i]);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      const where = issue.path.length ? `.${issue.path.join('.')}` : '';
      const said = issue.message.replace(/^Invalid input: expected (\w+), received undefined$/, 'missing');
      return { ok: false, message: `event ${i + 1}${where}: ${said}` };
    }
  }
  return { ok: true, events: input as AgentEvent[] };
}
