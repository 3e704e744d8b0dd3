'use client';
// Adds an MCP server: name, address, transport. Checked against the document's schema first; a refused one stays in the
// form with the rule beside the field, and the document is left as it was.
import { useId, useState, type FormEvent } from 'react';
import { originOf } from '@/lib/models/key-origin';
import { usePlaygroundStore } from '@/lib/store/playground-store';
import { acceptForCurrent } from '@/lib/store/trust-store';
import { mcpAddressId } from '@/lib/trust/contact-addresses';
import { sentence } from './member-problem';
import { RouteOptions, TransportOptions, type McpRoute, type McpTransport } from './mcp-route-options';

export function McpAddServerForm() {
  const id = useId();
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [transport, setTransport] = useState<McpTransport>('streamable-http');
  const [via, setVia] = useState<McpRoute>('browser');
  const [problems, setProblems] = useState<Record<string, string>>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = usePlaygroundStore.getState().addMcpServer({ name: name.trim(), url: url.trim(), transport, via });
    if (!result.ok) {
      const byField: Record<string, string> = {};
      for (const p of result.problems) byField[p.field === 'name' || p.field === 'url' ? p.field : 'server'] ??= sentence(p.message);
      return setProblems(byField);
    }
    // An address typed by hand counts as accepted for a playground from outside.
    const origin = originOf(url.trim());
    if (origin) acceptForCurrent([mcpAddressId(origin)]);
    setName('');
    setUrl('');
    setTransport('streamable-http');
    setVia('browser');
    setProblems({});
  };
  const error = (field: string) =>
    problems[field] && (
      <span id={`${id}-${field}-error`} className="block text-xs text-red-800 dark:text-red-300">
        {problems[field]}
      </span>
    );
  const invalid = (field: string) => (problems[field] ? { 'aria-invalid': true, 'aria-describedby': `${id}-${field}-error` } : {});

  return (
    <form onSubmit={submit} aria-label="Add an MCP server" className="card space-y-2 p-3" noValidate>
      <div className="flex flex-wrap items-end gap-2">
        <label className="block space-y-1">
          <span className="label block">Name</span>
          <input className="field w-40 font-mono" value={name} onChange={(e) => setName(e.target.value)} placeholder="weather" spellCheck={false} autoComplete="off" {...invalid('name')} />
        </label>
        <label className="block min-w-64 flex-1 space-y-1">
          <span className="label block">URL</span>
          <input
            className="field font-mono"
            type="url"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            placeholder="https://example.com/mcp"
            spellCheck={false}
            autoComplete="off"
            {...invalid('url')}
          />
        </label>
        <label className="block space-y-1">
          <span className="label block">Transport</span>
          <select className="field w-auto" value={transport} onChange={(e) => setTransport(e.target.value as McpTransport)}>
            <TransportOptions />
          </select>
        </label>
        <label className="block space-y-1">
          <span className="label block">Route</span>
          <select className="field w-full" value={via} onChange={(e) => setVia(e.target.value as McpRoute)}>
            <RouteOptions />
          </select>
        </label>
        <button type="submit" className="btn">
          Add server
        </button>
      </div>
      {error('name')}
      {error('url')}
      {problems.server && (
        <p role="alert" className="text-xs text-red-800 dark:text-red-300">
          {problems.server}
        </p>
      )}
      {(problems.name || problems.url) && (
        <p role="alert" className="sr-only">
          {[problems.name, problems.url].filter(Boolean).join(' ')}
        </p>
      )}
    </form>
  );
}
