import { describe, expect, it } from 'vitest';
import { mcpProxyEnvFrom, mcpProxyStartupLines } from './mcp-proxy-env';

describe('MCP_PROXY_ALLOWED_HOSTS', () => {
  it('unset or empty allows no host and prints nothing', () => {
    for (const value of [undefined, '', ' , ']) {
      const env = mcpProxyEnvFrom({ MCP_PROXY_ALLOWED_HOSTS: value });
      expect(env.allowedHosts).toEqual([]);
      expect(mcpProxyStartupLines(env)).toEqual([]);
    }
  });

  it('reads hosts and host:port like MODEL_PROXY_ALLOWED_HOSTS, canonical and once each', () => {
    const env = mcpProxyEnvFrom({ MCP_PROXY_ALLOWED_HOSTS: ' 127.0.0.1:3921 , MCP.Example.com, http://LocalHost:8000/mcp, 127.0.0.1:3921' });
    expect(env.allowedHosts.map((h) => h.host)).toEqual(['127.0.0.1:3921', 'mcp.example.com', 'localhost:8000']);
    expect(env.warnings).toEqual([]);
    expect(mcpProxyStartupLines(env)).toEqual(['mcp-proxy: MCP_PROXY_ALLOWED_HOSTS: 127.0.0.1:3921, mcp.example.com, localhost:8000']);
  });

  it('ignores bad entries and key pairings with a warning that never echoes what follows "="', () => {
    const env = mcpProxyEnvFrom({ MCP_PROXY_ALLOWED_HOSTS: 'good.example,bad host,mcp.lan=sk-secret-token,:99999' });
    expect(env.allowedHosts.map((h) => h.host)).toEqual(['good.example']);
    expect(env.warnings).toHaveLength(3);
    expect(env.warnings.join('\n')).toContain('"bad host"');
    expect(env.warnings.join('\n')).toContain('"mcp.lan=…" is ignored');
    expect(env.warnings.join('\n')).not.toContain('sk-secret-token');
    expect(mcpProxyStartupLines(env).filter((l) => l.startsWith('mcp-proxy: warning:'))).toHaveLength(3);
  });

  it('MCP_PROXY_ALLOW_NO_ORIGIN opts in with 1 only', () => {
    expect(mcpProxyEnvFrom({ MCP_PROXY_ALLOW_NO_ORIGIN: '1' }).allowNoOrigin).toBe(true);
    expect(mcpProxyEnvFrom({}).allowNoOrigin).toBe(false);
    const odd = mcpProxyEnvFrom({ MCP_PROXY_ALLOW_NO_ORIGIN: 'yes' });
    expect(odd.allowNoOrigin).toBe(false);
    expect(odd.warnings[0]).toContain('neither 1 nor 0');
  });
});
