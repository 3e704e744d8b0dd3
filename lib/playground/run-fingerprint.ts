// What a run depends on, as one digest: two playgrounds with the same fingerprint give the same run.
import { contentDigest } from './content-digest';
import type { Playground } from './schema';

/**
 * The task, tools, model, agent (its prompts and team included), sandbox and built-in tools; not the title or description, and not a
 * replay's pace (`delayMs`), which change how a run looks, never what it does.
 */
export function runFingerprint(doc: Playground): string {
  const paced = (model: Playground['model']) => (model.provider === 'replay' ? { ...model, delayMs: 0 } : model);
  return contentDigest({
    task: doc.task,
    tools: doc.tools,
    model: paced(doc.model),
    agent: { ...doc.agent, managedAgents: doc.agent.managedAgents.map((m) => (m.model ? { ...m, model: paced(m.model) } : m)) },
    sandbox: doc.sandbox,
    // Only when some are on, so the fingerprints of documents without built-ins stay as they were.
    ...(doc.builtinTools?.length ? { builtinTools: doc.builtinTools } : {}),
  });
}
