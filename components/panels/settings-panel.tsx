'use client';
// Agent, model and sandbox settings of the playground, each checked against the document's schema.
import { useState } from 'react';
import { describeRecorded } from '@/lib/models/replay-responses';
import { agentSettingsSchema, modelSettingsSchema, sandboxSettingsSchema } from '@/lib/playground/schema';
import { isAppHost } from '@/lib/sandbox/quickjs/network-policy';
import { usePlaygroundStore } from '@/lib/store/playground-store';
import { acceptForCurrent } from '@/lib/store/trust-store';
import { hostAddressId } from '@/lib/trust/contact-addresses';
import { FinalAnswerChecksField } from './final-answer-checks-field';
import { McpServersSettings } from './mcp-servers-settings';
import { MainModelSettings } from './model-settings';
import { OtlpSettings } from './otlp-settings';
import { NumberField, ruleOf } from './number-field';
import { ReplayResponsesEditor } from './replay-responses-editor';
import { SandboxSettings } from './sandbox-settings';
import { ToolCallFormatField } from './tool-call-format-field';
import { TeamSettings } from './team-settings';

const agentShape = agentSettingsSchema.shape;
const sandboxShape = sandboxSettingsSchema.shape;
const replayShape = modelSettingsSchema.options[0].shape;
const HOST = /^(\*\.)?[A-Za-z0-9.-]+(:\d+)?$/;

export function SettingsPanel() {
  const doc = usePlaygroundStore((s) => s.doc);
  const updateAgent = usePlaygroundStore((s) => s.updateAgent);
  const updateSandbox = usePlaygroundStore((s) => s.updateSandbox);
  const setReplayDelay = usePlaygroundStore((s) => s.setReplayDelay);
  const setToolCallFormat = usePlaygroundStore((s) => s.setToolCallFormat);
  const { agent, sandbox, model } = doc;
  return (
    <div className="space-y-6">
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold">Agent</legend>
        <NumberField label="Max steps" value={agent.maxSteps} rule={ruleOf(agentShape.maxSteps.unwrap())} onCommit={(n) => updateAgent({ maxSteps: n ?? agent.maxSteps })} help="After this many action steps the model is asked for a final answer." />
        <NumberField
          label="Planning interval"
          value={agent.planningInterval}
          rule={ruleOf(agentShape.planningInterval.unwrap().unwrap())}
          onCommit={(n) => updateAgent({ planningInterval: n })}
          emptyMeans="off"
          help="Plan before step 1 and again every N action steps. Empty: no planning."
        />
        <label className="block space-y-1">
          <span className="label">Extra instructions</span>
          <textarea className="field min-h-20" value={agent.instructions} onChange={(e) => updateAgent({ instructions: e.target.value })} placeholder="Appended to the system prompt." />
        </label>
        <FinalAnswerChecksField />
      </fieldset>

      {model.provider === 'replay' && (
        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold">Replay model</legend>
          <p className="muted text-sm">{describeRecorded(model.responses)}, played in order.</p>
          <NumberField label="Delay between streamed pieces (ms)" value={model.delayMs} rule={ruleOf(replayShape.delayMs.unwrap())} onCommit={(n) => setReplayDelay(n ?? 0)} help="Slows the replay down to watch it stream like a live model." />
          <ToolCallFormatField value={model.toolCallFormat} onChange={setToolCallFormat} />
          <ReplayResponsesEditor />
        </fieldset>
      )}

      {model.provider === 'manual' && (
        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold">Manual model</legend>
          <p className="muted text-sm">You write each model turn, seeing the messages the model would get.</p>
          <ToolCallFormatField value={model.toolCallFormat} onChange={setToolCallFormat} />
        </fieldset>
      )}

      <MainModelSettings />

      <TeamSettings />

      <McpServersSettings />

      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold">Sandbox</legend>
        <SandboxSettings />
        <NumberField label="Time limit per step (ms)" value={sandbox.timeoutMs} rule={ruleOf(sandboxShape.timeoutMs.unwrap())} onCommit={(n) => updateSandbox({ timeoutMs: n ?? sandbox.timeoutMs })} help="Sync and async work alike; the step fails with a TimeoutError past it." />
        <NumberField label="Memory limit (MB)" value={sandbox.memoryMb} rule={ruleOf(sandboxShape.memoryMb.unwrap())} onCommit={(n) => updateSandbox({ memoryMb: n ?? sandbox.memoryMb })} />
        <NumberField label="Logs kept per step (characters)" value={sandbox.maxLogChars} rule={ruleOf(sandboxShape.maxLogChars.unwrap())} onCommit={(n) => updateSandbox({ maxLogChars: n ?? sandbox.maxLogChars })} />
        <NumberField label="Observation size (characters)" value={sandbox.maxObservationChars} rule={ruleOf(sandboxShape.maxObservationChars.unwrap())} onCommit={(n) => updateSandbox({ maxObservationChars: n ?? sandbox.maxObservationChars })} help="Longer observations are cut in the middle before the model sees them." />
        <NetworkSettings />
      </fieldset>

      <OtlpSettings />
    </div>
  );
}

function NetworkSettings() {
  const network = usePlaygroundStore((s) => s.doc.sandbox.network);
  const updateSandbox = usePlaygroundStore((s) => s.updateSandbox);
  const [draft, setDraft] = useState(network.allowedHosts.join('\n'));
  const [error, setError] = useState<string>();
  const onHosts = (text: string) => {
    setDraft(text);
    const hosts = text.split(/[\s,]+/).filter(Boolean);
    const bad = hosts.find((h) => !HOST.test(h));
    if (bad) return setError(`“${bad}” is not a host name such as api.example.com or *.example.com.`);
    const own = hosts.find((h) => isAppHost(h, location.host));
    if (own) return setError(`“${own}” is this app’s own address: the tools may never call the app itself (its model proxy holds the server’s keys).`);
    setError(undefined);
    // Hosts typed by hand count as accepted for a playground from outside.
    acceptForCurrent(hosts.map(hostAddressId));
    updateSandbox({ network: { ...network, allowedHosts: hosts } });
  };
  return (
    <div className="space-y-2">
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={network.enabled} onChange={(e) => updateSandbox({ network: { ...network, enabled: e.target.checked } })} />
        Let the tools use <code>fetch</code> (the model’s own code never gets the network)
      </label>
      {network.enabled && (
        <label className="block space-y-1">
          <span className="label">Hosts the tools may reach (one per line)</span>
          <textarea className="field min-h-16 font-mono" value={draft} aria-invalid={error ? true : undefined} onChange={(e) => onHosts(e.target.value)} />
          {error && <span className="block text-xs text-red-800 dark:text-red-300">{error}</span>}
        </label>
      )}
    </div>
  );
}
