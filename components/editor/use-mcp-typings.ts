'use client';
// Keeps the editor's TypeScript service declaring the MCP tools the analysis found (and nothing once they are gone).
import { useEffect } from 'react';
import type { McpToolInfo } from '@/lib/mcp/types';
import { loadMonaco } from './load-monaco';
import { MCP_TOOLS_URI, mcpToolsDts } from './mcp-tools-dts';

export function useMcpTypings(tools: readonly McpToolInfo[], rendered: Readonly<Record<string, string>>): void {
  const dts = mcpToolsDts(tools, rendered);
  useEffect(() => {
    let cancelled = false;
    loadMonaco().then(
      (monaco) => {
        if (cancelled) return;
        const { typescriptDefaults } = monaco.typescript;
        const present = typescriptDefaults.getExtraLibs()[MCP_TOOLS_URI];
        if ((present?.content ?? '') !== dts) typescriptDefaults.addExtraLib(dts, MCP_TOOLS_URI);
      },
      () => {
        // No Monaco: the plain textarea has no typings to keep.
      },
    );
    return () => {
      cancelled = true;
    };
  }, [dts]);
}
