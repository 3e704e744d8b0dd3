// Share links built to hurt: the attacks the link decoder must refuse before anything is stored.
import { deflateSync, strToU8 } from 'fflate';
import { toBase64Url } from '../share/base64url';
import { SHARE_PARAM } from '../share/share-link';
import type { PlaygroundInput } from '../playground/schema';

/** Format 1 (plain DEFLATE): the attacks need no dictionary, and the limits are checked the same for every format. */
function hashOf(wire: string): string {
  return `${SHARE_PARAM}=1.${toBase64Url(deflateSync(strToU8(wire), { level: 9 }))}`;
}

const base = (patch: Partial<PlaygroundInput>): PlaygroundInput => ({ version: 1, title: 'Hostile link', task: 'Nothing.', ...patch });

/** A link whose replayed tool call's arguments nest `depth` arrays deep (about 2.5 KB at 200,000). */
export function deepNestingHash(depth = 200_000): string {
  const doc = base({
    agent: { type: 'tool-calling' },
    model: { provider: 'replay', responses: [{ toolCalls: [{ name: 'add', arguments: { a: 0 } }] }] },
  });
  const wire = JSON.stringify({ playground: doc }).replace('{"a":0}', `{"a":${'['.repeat(depth)}${']'.repeat(depth)}}`);
  return hashOf(wire);
}

/** A link that unpacks to about `chars` characters (a task of that length; about 7 KB at 5.5 M). */
export function inflationHash(chars = 5_500_000): string {
  return hashOf(JSON.stringify({ playground: base({ task: 'x'.repeat(chars) }) }));
}

/** A link with a list of `length` replay responses. */
export function longListHash(length = 10_001): string {
  return hashOf(JSON.stringify({ playground: base({ model: { provider: 'replay', responses: Array.from({ length }, () => 'a') } }) }));
}
