// Progress of a headless run, for a terminal: one block per step on stderr.
import type { AgentEvent } from '../agent';
import { describeError } from '../agent';
import { renderValue } from '../agent/render-value';

export function createProgressPrinter(write: (text: string) => void): (event: AgentEvent) => void {
  return (event) => {
    const who = event.parent ? `  [${event.agent} ← ${event.parent.agent} step ${event.parent.step}] ` : '';
    switch (event.type) {
      case 'run_start':
        if (!event.parent) write(`Running "${clip(event.task, 120)}" — ${event.agentType} agent, model ${event.model}, sandbox ${event.sandbox}\n`);
        else write(`${who}task: ${clip(event.task.split('\n')[2] ?? event.task, 120)}\n`);
        break;
      case 'step_start':
        write(`\n${who}━━ Step ${event.step} (${event.kind})\n`);
        break;
      case 'model_retry':
        write(`${who}model call failed (${event.reason}): retry ${event.attempt} in ${(event.delayMs / 1000).toFixed(1)} s\n`);
        break;
      case 'code':
        write(`${who}code:\n${indent(event.code)}\n`);
        break;
      case 'model_end':
        if (!event.toolCalls?.length && !/```/.test(event.text)) write(`${who}model:\n${indent(clip(event.text.trim(), 2_000))}\n`);
        if (event.toolCalls?.length) {
          for (const c of event.toolCalls) write(`${who}model calls ${c.name}(${clip(renderValue(c.arguments), 200)})\n`);
        }
        break;
      case 'tool_call_end':
        write(
          `${who}  ↳ ${event.name} → ${event.error !== undefined ? `error: ${clip(event.error, 200)}` : clip(renderValue(event.result), 200)} (${event.durationMs} ms)\n`,
        );
        break;
      case 'observation':
        write(`${who}observation:\n${indent(clip(event.text, 2_000))}\n`);
        break;
      case 'step_error':
        write(`${who}error: ${clip(describeError(event.error), 2_000)}\n`);
        break;
      case 'final_answer':
        write(`${who}final answer: ${clip(renderValue(event.answer), 500)}\n`);
        break;
      case 'step_end': {
        const u = event.usage;
        write(
          `${who}tokens ${u.inputTokens} in / ${u.outputTokens} out${u.estimated ? ' (estimated)' : ''} · model ${event.timing.modelMs} ms · execution ${event.timing.executionMs} ms\n`,
        );
        break;
      }
      case 'follow_up':
        if (!event.parent) write(`\nFollow-up "${clip(event.task, 120)}"\n`);
        break;
      case 'run_end':
        if (!event.parent) {
          write(
            `\n${event.status}${event.error ? `: ${event.error.message}` : ''} · ${event.usage.inputTokens + event.usage.outputTokens} tokens · ${event.durationMs} ms\n`,
          );
        }
        break;
    }
  };
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}
