import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, contentDigest, sha256Hex } from './content-digest';

const nodeSha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('content digests', () => {
  it('are SHA-256, as Node computes it, for empty, short, block-edge, non-ASCII and long texts', () => {
    const texts = ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'a'.repeat(119), 'Zürich ☀️ 東京', 'x'.repeat(200_003)];
    for (const text of texts) expect(sha256Hex(text)).toBe(nodeSha(text));
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('do not depend on the order of an object’s keys, and differ when a value differs', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 0, y: 1 }], c: 2 } })).toBe('{"a":{"c":2,"d":[1,{"y":1,"z":0}]},"b":1}');
    expect(contentDigest({ a: 1, b: 2 })).toBe(contentDigest({ b: 2, a: 1 }));
    expect(contentDigest({ a: 1, b: 2 })).not.toBe(contentDigest({ a: 1, b: 3 }));
  });
});
