'use client';
// Settings → Tool call format: whether a ToolCallingAgent's model calls tools natively or writes them as JSON in its text.
import { useId } from 'react';
import { TOOL_CALL_FORMATS, type ToolCallFormat } from '@/lib/playground/schema';

const HINTS: Record<ToolCallFormat, string> = {
  native: 'The tools go to the API as tool schemas and the model answers with native tool calls.',
  text: 'For models and servers without tool calling (many local models): the system prompt lists the tools with their JSON schemas, and the model writes each call as a JSON block {"name", "arguments"} in its text.',
};

export function ToolCallFormatField({ value, onChange }: { value: ToolCallFormat | undefined; onChange: (format: ToolCallFormat) => void }) {
  const id = useId();
  const format = value ?? 'native';
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="label block">
        Tool call format
      </label>
      <select id={id} className="field max-w-40" value={format} aria-describedby={`${id}-hint`} onChange={(e) => onChange(e.target.value as ToolCallFormat)}>
        {TOOL_CALL_FORMATS.map((f) => (
          <option key={f} value={f}>
            {f}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="muted text-xs">
        {HINTS[format]} Used by a ToolCallingAgent; a CodeAgent always writes code.
      </p>
    </div>
  );
}
