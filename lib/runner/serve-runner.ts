// The runner's side of the protocol: compiles playgrounds on request and runs agents, sending their events in batches.
import type { AgentEvent } from '../agent';
import { recordedAnswers, replayingAsker } from '../builtins/user-input';
import type { ModelResponse } from '../models/types';
import { connectMcpServers, listMcpServer } from '../mcp/connect';
import { reachableThroughProxy } from '../mcp/proxy/reachable-through-proxy';
import { mcpProxyFetch } from '../mcp/proxy/proxy-fetch';
import type { McpConnection } from '../mcp/types';
import { redactSecrets } from '../models/redact-secrets';
import { createKernelExecutor } from '../sandbox/kernel/kernel-executor';
import type { KernelLauncher } from '../sandbox/kernel/kernel-process';
import type { ExecutorOptions } from '../sandbox/types';
import { packageName } from '../playground/package-name';
import { createWebContainerLauncher } from '../sandbox/webcontainer/webcontainer-launcher';
import { analyzePlayground } from './analyze-playground';
import { createAgentFromPlayground } from './create-agent-from-playground';
import type { FromRunner, Port, RunSecrets, ToRunner } from './runner-protocol';

/** Events are sent at most this often, so a fast run does not post (and render) once per event. */
const BATCH_MS = 30;

export function serveRunner(port: Port<ToRunner, FromRunner>): void {
  const runs = new Map<string, AbortController>();
  const turns = new Map<number, (response: ModelResponse) => void>();
  const questions = new Map<number, { resolve: (answer: string) => void; reject: (error: Error) => void }>();
  /** Per run: what a paused run waits for, and what a finished run waits for (its next task). */
  const waits = new Map<string, { resume?: (mode: 'step' | 'continue') => void; nextTask?: (task: string) => void }>();
  let nextTurn = 1;
  /** Kernel processes in the page's WebContainer, reached through kernel_* messages; made on the first such run. */
  let webContainer: KernelLauncher | undefined;

  port.addEventListener('message', ({ data }) => {
    switch (data.type) {
      case 'analyze': {
        try {
          port.postMessage({ type: 'analysis', requestId: data.requestId, analysis: analyzePlayground(data.playground, data.mcp) });
        } catch (error) {
          port.postMessage({ type: 'analysis', requestId: data.requestId, error: messageOf(error) });
        }
        return;
      }
      case 'mcp_list': {
        const { requestId, server, secrets } = data;
        void listMcpServer(server, mcpOptions(secrets)).then((listing) =>
          port.postMessage({
            type: 'mcp_listing',
            requestId,
            listing: listing.ok ? listing : { ...listing, error: redactSecrets(listing.error, Object.values(secrets?.keys ?? {})) },
          }),
        );
        return;
      }
      case 'start':
        void run(data.runId, data);
        return;
      case 'abort':
        runs.get(data.runId)?.abort(new DOMException('Stopped by the user.', 'AbortError'));
        return;
      case 'resume':
        waits.get(data.runId)?.resume?.(data.mode);
        return;
      case 'follow_up':
        waits.get(data.runId)?.nextTask?.(data.task);
        return;
      case 'user_answer': {
        const pending = questions.get(data.questionId);
        questions.delete(data.questionId);
        if (data.answer !== undefined) pending?.resolve(data.answer);
        else pending?.reject(new Error(`user_input: ${data.error ?? 'no answer came'}`));
        return;
      }
      case 'manual_answer':
        turns.get(data.turnId)?.(data.response);
        turns.delete(data.turnId);
        return;
    }
  });

  async function run(runId: string, { playground, secrets, options }: Extract<ToRunner, { type: 'start' }>) {
    const hide = (message: string) => redactSecrets(message, Object.values(secrets?.keys ?? {}));
    const controller = new AbortController();
    runs.set(runId, controller);
    const wait: { resume?: (mode: 'step' | 'continue') => void; nextTask?: (task: string) => void } = {};
    waits.set(runId, wait);
    let stepThrough = options?.stepThrough === true;
    const outbox = createOutbox((events) => port.postMessage({ type: 'events', runId, events }));
    let mcp: McpConnection | undefined;
    try {
      // Connected once per run, before the agent exists: its prompt declares the servers' tools.
      if (playground.mcpServers.length > 0) mcp = await connectMcpServers(playground.mcpServers, { ...mcpOptions(secrets), signal: controller.signal });
      const launcher = playground.sandbox.kind === 'webcontainer' ? (webContainer ??= createWebContainerLauncher(port)) : undefined;
      const agent = createAgentFromPlayground(playground, {
        ...(launcher
          ? {
              // The page installed the packages (as specs, e.g. date-fns@4.1.0); the kernel allows them by name.
              createExecutor: (options: ExecutorOptions) =>
                createKernelExecutor({ ...options, launcher, packages: playground.sandbox.packages.map(packageName) }),
              sandboxPackages: playground.sandbox.packages.map(packageName),
            }
          : {}),
        keys: secrets?.keys ?? {},
        ...(options?.fork ? { replaySkip: options.fork.steps.length } : {}),
        ...(mcp ? { mcp } : {}),
        providerContext: secrets?.pageOrigin ? { pageOrigin: secrets.pageOrigin } : {},
        // A fork's replayed steps get the answers the person gave then; new calls ask the page.
        ask: replayingAsker(recordedAnswers(options?.fork?.steps ?? []), (question, { signal }) =>
          new Promise<string>((resolve, reject) => {
            const questionId = nextTurn++;
            questions.set(questionId, { resolve, reject });
            signal.addEventListener('abort', () => {
              questions.delete(questionId);
              reject(signal.reason);
            });
            outbox.flush();
            port.postMessage({ type: 'user_question', runId, questionId, question });
          }),
        ),
        manualTurn: (request, signal) =>
          new Promise<ModelResponse>((resolve, reject) => {
            const turnId = nextTurn++;
            turns.set(turnId, resolve);
            signal?.addEventListener('abort', () => {
              turns.delete(turnId);
              reject(signal.reason);
            });
            outbox.flush();
            port.postMessage({ type: 'manual_turn', runId, turnId, request });
          }),
      });
      const onEvent = (event: AgentEvent) => {
        outbox.push(event);
        // The code is about to run and may keep this thread busy: show it first.
        if (event.type === 'code') outbox.flush();
      };
      const pauseAfterStep = ({ step }: { step: number }) =>
        !stepThrough
          ? Promise.resolve()
          : new Promise<void>((resolve) => {
              wait.resume = (mode) => {
                wait.resume = undefined;
                if (mode === 'continue') stepThrough = false;
                resolve();
              };
              outbox.flush();
              port.postMessage({ type: 'paused', runId, step });
            });
      // After each task the session stays open for a follow-up; Stop (abort) ends it.
      const nextTask = () =>
        new Promise<string>((resolve) => {
          wait.nextTask = (task) => {
            wait.nextTask = undefined;
            resolve(task);
          };
          outbox.flush();
        });
      const runOptions = { signal: controller.signal, onEvent, pauseAfterStep, ...(options?.keepSession ? { nextTask } : {}), ...(options?.fork ? { fork: options.fork } : {}) };
      for await (const event of agent.run(playground.task, runOptions)) void event;
      outbox.flush();
      port.postMessage({ type: 'run_done', runId });
    } catch (error) {
      outbox.flush();
      port.postMessage({ type: 'run_done', runId, error: hide(messageOf(error)) });
    } finally {
      runs.delete(runId);
      waits.delete(runId);
      await mcp?.close();
    }
  }
}

/** Servers set to go through the app's server (`via: 'proxy'`) are reached through the page origin's /api/mcp-proxy. */
function mcpOptions(secrets: RunSecrets | undefined) {
  const pageOrigin = secrets?.pageOrigin;
  if (!pageOrigin) return { tokens: secrets?.keys ?? {} };
  const proxyFetch = mcpProxyFetch(pageOrigin);
  // When a server can't be reached from the page, the proxy (for hosts it may reach) tells CORS from a server that is down.
  return { tokens: secrets?.keys ?? {}, pageOrigin, proxyFetch, reachable: (url: string) => reachableThroughProxy(url, proxyFetch) };
}

function createOutbox(send: (events: AgentEvent[]) => void) {
  let pending: AgentEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    send(batch);
  };
  return {
    push(event: AgentEvent) {
      pending.push(event);
      timer ??= setTimeout(flush, BATCH_MS);
    },
    flush,
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
