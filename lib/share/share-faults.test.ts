import { describe, expect, it } from 'vitest';
import { foldEvents } from '../agent';
import { findExample } from '../playground/examples';
import { parsePlayground } from '../playground';
import { runToEnd } from '../test-support/playgrounds';
import { decodeShareHash, encodeShareHash } from './share-link';

describe('a share link with tool faults', () => {
  const example = findExample('tool-fault-retry')!;

  it('carries the faults and the run’s injected-fault marks to whoever opens it', async () => {
    const { events } = await runToEnd(example.playground);
    const decoded = decodeShareHash(`#${encodeShareHash({ playground: example.playground, run: { events } })}`);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.payload.playground.faults).toEqual(example.playground.faults);
    const calls = foldEvents(decoded.payload.run!.events).steps.flatMap((s) => s.toolCalls);
    expect(calls.filter((c) => c.injected).map((c) => [c.name, c.injected![0]!.kind])).toEqual([['get_weather', 'fail']]);
  });

  it('opens older documents without faults unchanged, and refuses a bad rate naming the field', () => {
    const old = parsePlayground({ version: 1, title: 'Old', tools: '' });
    expect(old.ok && old.playground.faults).toBeUndefined();
    const bad = parsePlayground({ ...example.playground, faults: { get_weather: { seed: 1, fail: { rate: 1.5, message: 'x' } } } });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.problems.map((p) => `${p.path}: ${p.message}`).join('\n')).toMatch(/faults\.get_weather\.fail\.rate.*chance from 0 to 1/);
  });
});
