// Runs once when the Next server starts: says how the model and MCP proxies are configured (hosts, which variable each key
// comes from, ignored entries), never a key's value.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { proxyEnvFrom } = await import('./lib/models/proxy-env');
  const { proxyStartupLines } = await import('./lib/models/proxy-status');
  for (const line of proxyStartupLines(proxyEnvFrom(process.env))) console.log(line);
  const { mcpProxyEnvFrom, mcpProxyStartupLines } = await import('./lib/mcp/proxy/mcp-proxy-env');
  for (const line of mcpProxyStartupLines(mcpProxyEnvFrom(process.env))) console.log(line);
}
