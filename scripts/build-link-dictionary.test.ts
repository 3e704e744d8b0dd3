import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../lib/playground/content-digest';
import { LINK_DICTIONARY_V2 } from '../lib/share/link-dictionary-v2';
import { buildLinkDictionary, MAX_DICTIONARY_BYTES } from './build-link-dictionary';

/** The digest of the bytes every v2 link was made with. It never changes: a new dictionary is link format v3. */
const V2_DICTIONARY_SHA256 = 'e19e56c0148d100a817ac81f21b33fccb67466b21ef65c0fd7158f391f7efab6';

describe('the share-link dictionary (format 2)', () => {
  it('is exactly the one v2 links were made with: the checked-in bytes never change', () => {
    expect(sha256Hex(LINK_DICTIONARY_V2), 'lib/share/link-dictionary-v2.ts changed: every v2 link out there would stop opening. Restore it; a new dictionary needs link format v3 (docs/sharing.md, "Link format v2").').toBe(V2_DICTIONARY_SHA256);
  });

  it('builds the same bytes every time, within the 32 KB DEFLATE can look back', () => {
    expect(buildLinkDictionary()).toBe(buildLinkDictionary());
    expect(new TextEncoder().encode(LINK_DICTIONARY_V2).length).toBeLessThanOrEqual(MAX_DICTIONARY_BYTES);
  });
});
