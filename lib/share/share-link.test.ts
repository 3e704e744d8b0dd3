import { deflateSync, strToU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { foldEvents, type AgentEvent } from '../agent';
import { EXAMPLES } from '../playground/examples';
import { runToEnd } from '../test-support/playgrounds';
import { fromBase64Url, toBase64Url } from './base64url';
import { deepNestingHash, inflationHash, longListHash } from '../test-support/hostile-links';
import { LINK_DICTIONARY_V2 } from './link-dictionary-v2';
import { decodeShareHash, encodeShareHash, encodeShareHashV1, inflateCapped, shareUrl, type DecodeResult } from './share-link';

/** An origin as long as a real deployment's, so the measured lengths are the ones people paste. */
const ORIGIN = 'https://agent-playground.example';

const runs = new Map<string, AgentEvent[]>();
beforeAll(async () => {
  for (const example of EXAMPLES) runs.set(example.id, (await runToEnd(example.playground)).events);
});

/** A seeded generator, so a failing case can be found again. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function expectClear(result: DecodeResult) {
  if (!result.ok) {
    expect(result.message.length).toBeGreaterThan(20);
    expect(result.message).not.toMatch(/undefined|\[object Object\]|TypeError|at \w+ \(/);
  }
}

describe('share links', () => {
  it.each(EXAMPLES.map((e) => [e.id, e]))('round-trips the bundled example %s, with and without its recorded run', (id, example) => {
    const plain = decodeShareHash(encodeShareHash({ playground: example.playground }));
    expect(plain).toEqual({ ok: true, version: 2, payload: { playground: example.playground } });

    const events = runs.get(id)!;
    const withRun = decodeShareHash(`#${encodeShareHash({ playground: example.playground, run: { events } })}`);
    expect(withRun.ok).toBe(true);
    if (!withRun.ok) return;
    expect(withRun.payload.run!.events.some((e) => e.type === 'model_delta')).toBe(false);
    // The timeline folded from the link is the one the sender saw (streamed pieces come back whole in model_end).
    const sent = foldEvents(events);
    const received = foldEvents(withRun.payload.run!.events);
    expect(received.runs).toEqual(sent.runs);
    expect(received.steps.map((s) => [s.modelOutput, s.code, s.observation, s.toolCalls.length])).toEqual(
      sent.steps.map((s) => [s.modelOutput, s.code, s.observation, s.toolCalls.length]),
    );
  });

  it.each(EXAMPLES.map((e) => [e.id, e]))('makes a playground-only link of at most 2,000 characters for the bundled example %s', (_, example) => {
    const url = shareUrl(ORIGIN, { playground: example.playground });
    expect(url).toMatch(/^https:\/\/agent-playground\.example\/#share=2\./);
    expect(url.length).toBeLessThanOrEqual(2_000);
    // Each is shorter than its format-1 link.
    expect(url.length).toBeLessThan(`${ORIGIN}/#${encodeShareHashV1({ playground: example.playground })}`.length);
  });

  it('keeps opening format-1 links, with and without a run, as the same playground and run a format-2 link gives', () => {
    for (const example of EXAMPLES) {
      const events = runs.get(example.id)!;
      const v1 = decodeShareHash(`#${encodeShareHashV1({ playground: example.playground, run: { events } })}`);
      const v2 = decodeShareHash(`#${encodeShareHash({ playground: example.playground, run: { events } })}`);
      expect(v1.ok && v1.version).toBe(1);
      expect(v2.ok && v2.version).toBe(2);
      expect(v1.ok && v1.payload).toEqual(v2.ok && v2.payload);
      expect(decodeShareHash(encodeShareHashV1({ playground: example.playground }))).toEqual({ ok: true, version: 1, payload: { playground: example.playground } });
    }
  });

  it('opens a format-1 link made before format 2 existed (a fixed link, encoded by the old code)', () => {
    // Plain DEFLATE of the payload's JSON, exactly what format 1 always was.
    const doc = { version: 1, title: 'Old link', task: 'What is 2 + 2?', tools: '' };
    const old = `share=1.${toBase64Url(deflateSync(strToU8(JSON.stringify({ playground: doc })), { level: 9 }))}`;
    const decoded = decodeShareHash(`#${old}`);
    expect(decoded.ok && decoded.version).toBe(1);
    expect(decoded.ok && decoded.payload.playground).toMatchObject({ title: 'Old link', task: 'What is 2 + 2?' });
  });

  it('refuses a format-2 link that unpacks past the cap, and one whose data the dictionary does not fit', () => {
    const dictionary = strToU8(LINK_DICTIONARY_V2);
    const bomb = `share=2.${toBase64Url(deflateSync(new Uint8Array(30 * 1024 * 1024).fill(32), { dictionary }))}`;
    expect(decodeShareHash(bomb)).toEqual({ ok: false, message: 'This link’s playground is more than 2 MB of data; links may hold at most 2 MB. It was refused.' });
    // Data made with another dictionary points at bytes this one does not have there: refused with a clear message.
    const other = strToU8('x'.repeat(20_000) + JSON.stringify({ playground: { version: 1, task: 'Another dictionary.' } }));
    const foreign = `share=2.${toBase64Url(deflateSync(strToU8(JSON.stringify({ playground: { version: 1, task: 'Another dictionary.' } })), { level: 9, dictionary: other }))}`;
    const result = decodeShareHash(foreign);
    expect(result.ok).toBe(false);
    expectClear(result);
  });

  it('never carries a key: the document has no place for one', () => {
    const hash = encodeShareHash({ playground: { ...EXAMPLES[0]!.playground, model: { provider: 'openai', model: 'gpt-4.1-mini', via: 'browser', timeoutMs: 120_000, maxRetries: 3 } } });
    const decoded = decodeShareHash(hash);
    expect(decoded.ok && JSON.stringify(decoded.payload)).not.toMatch(/apiKey|sk-/);
  });

  it('explains broken, cut, tampered, foreign and future links', () => {
    const good = encodeShareHash({ playground: EXAMPLES[0]!.playground });
    const cases: [string, RegExp][] = [
      ['#nothing-here', /not a share link/],
      ['share=', /version is missing/],
      [good.slice(0, Math.floor(good.length / 2)), /could not be unpacked.*cut off/s],
      [good.replace(/^share=2\./, 'share=2.%%%'), /characters a link never has/],
      [good.replace(/^share=2\./, 'share=9.'), /newer version of Agent Playground/],
      [`share=1.${toBase64Url(deflateSync(strToU8('{"playground": {"version": 1, "agent": {"maxSteps": "ten"}}}')))}`, /not valid:\nagent\.maxSteps/],
      [`share=1.${toBase64Url(deflateSync(strToU8('{"playground": {"version": 1}, "run": {"events": [{"type": "launch"}]}}')))}`, /recorded run in this link is not valid \(event 1/],
      [`share=1.${toBase64Url(deflateSync(strToU8('{"playground": {"version": 1, "model": {"provider": "openai", "model": "x", "apiKey": "sk-1"}}}')))}`, /secrets such as API keys never belong/],
      [`share=1.${toBase64Url(deflateSync(strToU8('not json')))}`, /contents are not readable/],
    ];
    for (const [hash, message] of cases) {
      const result = decodeShareHash(hash);
      expect(result.ok, hash.slice(0, 40)).toBe(false);
      expect(!result.ok && result.message, hash.slice(0, 40)).toMatch(message);
    }
  });

  it('refuses a small link that would unpack to a huge document', () => {
    const bomb = `share=1.${toBase64Url(deflateSync(new Uint8Array(30 * 1024 * 1024).fill(32)))}`;
    expect(bomb.length).toBeLessThan(60_000);
    expect(decodeShareHash(bomb)).toEqual({ ok: false, message: 'This link’s playground is more than 2 MB of data; links may hold at most 2 MB. It was refused.' });
    expect(decodeShareHash(inflationHash())).toEqual({ ok: false, message: expect.stringMatching(/more than 2 MB of data; links may hold at most 2 MB/) });
  });

  it('stops unpacking as soon as the output passes the cap, before reading the rest of the link', () => {
    // A stream that unpacks to 3 MB and then turns to garbage: the cap is met before the garbage is reached.
    const good = deflateSync(new Uint8Array(3 * 1024 * 1024).fill(32));
    const cut = new Uint8Array(good.length + 2000);
    cut.set(good.subarray(0, good.length - 8));
    cut.fill(0xff, good.length - 8);
    expect(inflateCapped(cut, 2 * 1024 * 1024)).toBeNull();
    expect(inflateCapped(cut, 8 * 1024 * 1024)).toBeUndefined();
  });

  it('refuses a link nested 200,000 deep, naming the depth and the limit, without overflowing the stack', () => {
    const hash = deepNestingHash();
    expect(hash.length).toBeLessThan(3_000);
    expect(decodeShareHash(hash)).toEqual({ ok: false, message: expect.stringMatching(/^This link’s playground nests 200,0\d\d levels deep; links may nest at most 64\. It was refused\.$/) });
    expect(decodeShareHash(deepNestingHash(50)).ok).toBe(true);
  });

  it('refuses a link with a list longer than 10,000 items', () => {
    expect(decodeShareHash(longListHash())).toEqual({ ok: false, message: 'This link’s playground has a list of 10,001 items; links may hold at most 10,000 items in a list. It was refused.' });
  });

  it('survives 10,000 mutated and random links: never throws, always ends in a playground or a clear message', () => {
    const next = random(20261125);
    const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    const seeds = EXAMPLES.map((e) => encodeShareHash({ playground: e.playground, run: { events: runs.get(e.id)! } }));
    const jsonSeeds = EXAMPLES.map((e) => JSON.stringify({ playground: e.playground, run: { events: runs.get(e.id)!.slice(0, 30) } }));
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_%.=#{}"\\ \u0000é';
    const mutations: (() => string)[] = [
      // a character of the link changed, dropped or added
      () => {
        const s = pick(seeds);
        const i = Math.floor(next() * s.length);
        const kind = next();
        return kind < 0.4 ? s.slice(0, i) + pick([...alphabet]) + s.slice(i + 1) : kind < 0.7 ? s.slice(0, i) + s.slice(i + 1) : s.slice(0, i) + pick([...alphabet]) + s.slice(i);
      },
      // cut anywhere
      () => pick(seeds).slice(0, Math.floor(next() * pick(seeds).length)),
      // random bytes behind a valid prefix
      () => `share=1.${toBase64Url(Uint8Array.from({ length: Math.floor(next() * 400) }, () => Math.floor(next() * 256)))}`,
      // random text
      () => Array.from({ length: Math.floor(next() * 200) }, () => pick([...alphabet])).join(''),
      // valid compression around damaged JSON: a span cut out, or a value swapped for another type
      () => {
        const s = pick(jsonSeeds);
        const i = Math.floor(next() * s.length);
        const j = i + Math.floor(next() * 40);
        const replacement = pick(['', '1', '"x"', 'null', '[]', '{}', 'true', '-1', '1e999', '"\\u0000"']);
        return `share=1.${toBase64Url(deflateSync(strToU8(s.slice(0, i) + replacement + s.slice(j))))}`;
      },
      // the bytes of a good link flipped
      () => {
        const s = pick(seeds);
        const bytes = fromBase64Url(s.slice('share=2.'.length))!.slice();
        const at = Math.floor(next() * bytes.length);
        bytes[at] = bytes[at]! ^ (1 << Math.floor(next() * 8));
        return `share=2.${toBase64Url(bytes)}`;
      },
    ];
    let opened = 0;
    for (let n = 0; n < 10_000; n++) {
      const link = pick(mutations)();
      let result: DecodeResult;
      try {
        result = decodeShareHash(link);
      } catch (error) {
        throw new Error(`decodeShareHash threw on case ${n} (${link.slice(0, 80)}…): ${String(error)}`);
      }
      expectClear(result);
      if (result.ok) {
        opened++;
        // Whatever opens must fold into a timeline without throwing.
        if (result.payload.run) foldEvents(result.payload.run.events);
      }
    }
    // Most damage is caught; a few edits (inside a string, say) leave a valid playground, which is fine.
    expect(opened).toBeLessThan(5_000);
  });
});
