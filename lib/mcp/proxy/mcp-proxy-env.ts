// The MCP proxy's configuration, read from the server's environment. Pure TypeScript (no Next).
//
// MCP_PROXY_ALLOWED_HOSTS lists the hosts the proxy may forward MCP calls to, in MODEL_PROXY_ALLOWED_HOSTS' syntax
// without key pairing (an MCP server's token is the person's, sent from their browser): `127.0.0.1:8000,mcp.lan`.
// Empty or unset, the proxy forwards nothing. Bad entries are ignored (fail closed) with a warning.
import { normalizeHost, type AllowedHost } from '../../models/proxy-env';

export const MCP_ALLOWED_HOSTS_ENV = 'MCP_PROXY_ALLOWED_HOSTS';
/** Opt-in for callers that send neither Origin nor Sec-Fetch-Site (scripts), as MODEL_PROXY_ALLOW_NO_ORIGIN is for models. */
export const MCP_ALLOW_NO_ORIGIN_ENV = 'MCP_PROXY_ALLOW_NO_ORIGIN';

export interface McpProxyEnv {
  /** Canonical `host[:port]` entries, lower case; an entry without a port matches the scheme's default port only. */
  allowedHosts: AllowedHost[];
  /** MCP_PROXY_ALLOW_NO_ORIGIN=1: requests without Origin and Sec-Fetch-Site may pass. */
  allowNoOrigin: boolean;
  /** What is wrong with the configuration, one line each. */
  warnings: string[];
}

export function mcpProxyEnvFrom(env: Record<string, string | undefined>): McpProxyEnv {
  const warnings: string[] = [];
  const allowedHosts: AllowedHost[] = [];
  for (const raw of (env[MCP_ALLOWED_HOSTS_ENV] ?? '').split(',')) {
    const text = raw.trim();
    if (!text) continue;
    const eq = text.indexOf('=');
    // The text after "=" is never echoed: it could be a token pasted by mistake.
    const shown = JSON.stringify(`${(eq === -1 ? text : text.slice(0, eq)).slice(0, 80)}${eq === -1 ? '' : '=…'}`);
    if (eq !== -1) {
      warnings.push(
        `${MCP_ALLOWED_HOSTS_ENV}: the entry ${shown} is ignored: this list takes hosts only (host or host:port), no "=": an MCP server's token comes from the person's Settings, never from the server.`,
      );
      continue;
    }
    const host = normalizeHost(text);
    if (!host) {
      warnings.push(`${MCP_ALLOWED_HOSTS_ENV}: the entry ${shown} is ignored: it is not a host or host:port.`);
      continue;
    }
    if (!allowedHosts.some((h) => h.host === host)) allowedHosts.push({ host });
  }
  const optIn = (env[MCP_ALLOW_NO_ORIGIN_ENV] ?? '').trim().toLowerCase();
  const allowNoOrigin = optIn === '1' || optIn === 'true';
  if (optIn && !allowNoOrigin && optIn !== '0' && optIn !== 'false') {
    warnings.push(`${MCP_ALLOW_NO_ORIGIN_ENV} is neither 1 nor 0; calls without Origin or Sec-Fetch-Site stay refused.`);
  }
  return { allowedHosts, allowNoOrigin, warnings };
}

/** The lines the server prints at start: nothing when the MCP proxy is unconfigured; warnings always. */
export function mcpProxyStartupLines(env: McpProxyEnv): string[] {
  const lines: string[] = [];
  if (env.allowedHosts.length > 0) lines.push(`mcp-proxy: ${MCP_ALLOWED_HOSTS_ENV}: ${env.allowedHosts.map((h) => h.host).join(', ')}`);
  if (env.allowNoOrigin) lines.push(`mcp-proxy: ${MCP_ALLOW_NO_ORIGIN_ENV}=1: calls without Origin or Sec-Fetch-Site are accepted`);
  for (const warning of env.warnings) lines.push(`mcp-proxy: warning: ${warning}`);
  return lines;
}
