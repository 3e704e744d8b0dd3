// Share links: a playground (and optionally a recorded run) compressed into the URL's hash, versioned.
// Decoding never throws: every broken, cut or tampered link ends in a message a person can act on.
import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';
import type { AgentEvent } from '../agent/events';
import { foldEvents } from '../agent/run-state';
import { parseAgentEvents } from '../agent/event-schema';
import { formatProblems, parsePlayground } from '../playground';
import type { Playground } from '../playground/schema';
import { fromBase64Url, toBase64Url } from './base64url';
import { linkDictionaryV2 } from './link-dictionary';
import { joinBytes } from './read-capped';
import { readHash, SHARE_PARAM, stepHash } from './hash-params';
import { describeLimitProblem, parseJsonWithinLimits, STRUCTURAL_LIMITS } from './structural-limits';

/**
 * `#share=2.<data>`: the version travels outside the compressed data, so a future format can change it all.
 * 1: the payload's JSON, raw DEFLATE. 2: the same JSON, raw DEFLATE with a preset dictionary (the app's prompts, tool
 * idioms and the bundled examples' text: lib/share/link-dictionary-v2.ts, frozen; a new dictionary needs format 3).
 */
export { SHARE_PARAM };
export const SHARE_VERSION = 2;
/** Past this, links get unwieldy (chat apps cut them, some servers refuse them): the app offers a file instead. */
export const LINK_WARN_LENGTH = 8_000;
/** Compressed input is unpacked this much at a time, so unpacking stops soon after the output passes its cap. */
const INFLATE_SLICE = 512;
const LINK_WORDING = { subject: 'This link’s playground', plural: 'links' };

export interface SharePayload {
  playground: Playground;
  /** A recorded run: its events (without the streamed pieces, which model_end repeats whole). */
  run?: { events: AgentEvent[] };
}

export type DecodeResult = { ok: true; payload: SharePayload; version: number } | { ok: false; message: string };

/** The hash part of a share link (without '#'). In the browser, after `loadLinkDictionaries()` (./link-dictionary). */
export function encodeShareHash(payload: SharePayload): string {
  return `${SHARE_PARAM}=${SHARE_VERSION}.${toBase64Url(deflateSync(wireBytes(payload), { level: 9, dictionary: linkDictionaryV2() }))}`;
}

/** A format-1 link, as the app made them before format 2 (kept for tests and the link-length bench). */
export function encodeShareHashV1(payload: SharePayload): string {
  return `${SHARE_PARAM}=1.${toBase64Url(deflateSync(wireBytes(payload), { level: 9 }))}`;
}

function wireBytes(payload: SharePayload): Uint8Array {
  const data: WireV1 = { playground: payload.playground, ...(payload.run ? { run: { events: compactEvents(payload.run.events) } } : {}) };
  return strToU8(JSON.stringify(data));
}

/** `step`: the link opens its run at that step (`…&step=3`). */
export function shareUrl(origin: string, payload: SharePayload, step?: number): string {
  return `${origin}/#${encodeShareHash(payload)}${step === undefined ? '' : `&${stepHash(step)}`}`;
}

/** True when the hash looks like a share link at all (so the app knows to try it and report problems). */
export function isShareHash(hash: string): boolean {
  return readHash(hash).share !== undefined;
}

interface WireV1 {
  playground: unknown;
  run?: { events: unknown };
}

/** The preset dictionary of each link version (none: plain DEFLATE). Old links keep opening when the format moves on. */
const DICTIONARIES: Record<number, () => Uint8Array | undefined> = {
  1: () => undefined,
  2: linkDictionaryV2,
};

/** In the browser, after `loadLinkDictionaries()` (./link-dictionary); never throws otherwise. */
export function decodeShareHash(hash: string): DecodeResult {
  const share = readHash(hash).share;
  if (share === undefined) return fail('This is not a share link (it has no “#share=” part).');
  const value = safeDecodeURIComponent(share);
  const match = /^(\d{1,4})\.(.*)$/s.exec(value);
  if (!match) return fail('This share link is damaged: its version is missing. Ask for the link again.');
  const version = Number(match[1]);
  const dictionary = DICTIONARIES[version];
  if (!dictionary) {
    return fail(
      version > SHARE_VERSION
        ? `This link was made by a newer version of Agent Playground (link format ${version}; this app reads up to ${SHARE_VERSION}). Update the app, or ask for the playground as a file.`
        : `This link’s format (${version}) is unknown.`,
    );
  }
  const bytes = fromBase64Url(match[2]!.trim());
  if (!bytes || bytes.length === 0) return fail('This share link is damaged: it contains characters a link never has, or nothing at all. It was probably changed or cut off when copied; ask for it again.');
  const max = STRUCTURAL_LIMITS.maxJsonBytes;
  const text = inflateCapped(bytes, max, dictionary());
  if (text === undefined) return fail('This share link is damaged: its data could not be unpacked. It was probably cut off when copied (long links often are); ask for the link again, or for a file.');
  if (text === null) return fail(`${describeLimitProblem({ limit: 'size', bytes: max + 1, max }, LINK_WORDING)} It was refused.`);
  // Depth and list lengths are checked on the text, before JSON.parse (which a deep enough document overflows).
  const parsed = parseJsonWithinLimits(text, LINK_WORDING);
  if (!parsed.ok) {
    return fail(parsed.problem ? `${parsed.message} It was refused.` : 'This share link is damaged: its contents are not readable. Ask for the link again.');
  }
  const payload = decodePayloadJson(parsed.json);
  return payload.ok ? { ok: true, version, payload: payload.payload } : payload;
}

/**
 * The payload's JSON (already within the structural limits) as a playground and its run, checked as a link's are.
 * Formats 1 and 2 carry the same JSON; published playgrounds (`GET /api/playgrounds/<id>`) too.
 */
export function decodePayloadJson(json: unknown): { ok: true; payload: SharePayload } | { ok: false; message: string } {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return fail('This share link holds no playground.');
  const wire = json as WireV1;
  const parsed = parsePlayground(wire.playground);
  if (!parsed.ok) return fail(`The playground in this link is not valid:\n${formatProblems(parsed.problems)}`);
  if (wire.run === undefined) return { ok: true, payload: { playground: parsed.playground } };
  const events = parseAgentEvents((wire.run as { events?: unknown } | null)?.events);
  if (!events.ok) return fail(`The recorded run in this link is not valid (${events.message}). The link was changed or damaged.`);
  if (!runHangsTogether(events.events)) {
    return fail('The recorded run in this link does not hang together (its events are out of order). The link was changed or damaged.');
  }
  return { ok: true, payload: { playground: parsed.playground, run: { events: events.events } } };
}

/** Whether recorded events fold into a run with a main agent (none at all is an empty run, which is fine). */
export function runHangsTogether(events: readonly AgentEvent[]): boolean {
  try {
    return events.length === 0 || foldEvents(events).runs.some((r) => !r.parent);
  } catch {
    return false;
  }
}

/** Streamed text arrives again whole in model_end: the link need not carry it twice. */
export function compactEvents(events: readonly AgentEvent[]): AgentEvent[] {
  return events.filter((e) => e.type !== 'model_delta');
}

/** undefined: not valid deflate data (or cut short); null: bigger than `max` (unpacking stopped there). */
/** `dictionary`: the preset dictionary the data was compressed with (link format 2). */
export function inflateCapped(bytes: Uint8Array, max: number, dictionary?: Uint8Array): string | undefined | null {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let tooBig = false;
  let finished = false;
  try {
    const inflate = new Inflate(dictionary ? { dictionary } : {}, (chunk, final) => {
      size += chunk.length;
      if (size > max) {
        tooBig = true;
        throw new Error('too big');
      }
      chunks.push(chunk);
      if (final) finished = true;
    });
    // fflate unpacks all of what one push gets: small pushes let the cap stop it early (a slice unpacks to ~0.5 MB at most).
    for (let at = 0; at < bytes.length && !finished; at += INFLATE_SLICE) {
      const end = Math.min(at + INFLATE_SLICE, bytes.length);
      inflate.push(bytes.subarray(at, end), end === bytes.length);
    }
  } catch {
    return tooBig ? null : undefined;
  }
  if (!finished) return undefined;
  try {
    return strFromU8(joinBytes(chunks, size));
  } catch {
    return undefined;
  }
}

function safeDecodeURIComponent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function fail(message: string): { ok: false; message: string } {
  return { ok: false, message };
}
