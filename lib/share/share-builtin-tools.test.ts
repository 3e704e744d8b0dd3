// A share link keeps the playground's built-in tools and the answers user_input got, and never a web_search key.
import { describe, expect, it } from 'vitest';
import { foldEvents } from '../agent';
import { BRAVE_SEARCH_ORIGIN } from '../builtins/web-search';
import { js, playground, runToEnd } from '../test-support/playgrounds';
import { decodeShareHash, encodeShareHash } from './share-link';

describe('a share link with built-in tools', () => {
  it('carries builtinTools and the recorded user_input answer; the search key is in no part of it', async () => {
    const pg = playground({ builtinTools: ['user_input', 'web_search'], responses: [js('final_answer(await user_input("Name?"))')] });
    const { events } = await runToEnd(pg, { ask: async () => 'Ada', keys: { [BRAVE_SEARCH_ORIGIN]: 'bsk-secret-123' } });
    const hash = encodeShareHash({ playground: pg, run: { events } });
    const decoded = decodeShareHash(`#${hash}`);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.payload.playground.builtinTools).toEqual(['user_input', 'web_search']);
    const calls = foldEvents(decoded.payload.run!.events).steps.flatMap((s) => s.toolCalls);
    expect(calls.map((c) => [c.name, c.result])).toEqual([['user_input', 'Ada']]);
    expect(JSON.stringify(decoded.payload)).not.toContain('bsk-secret-123');
  });
});
