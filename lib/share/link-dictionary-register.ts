// Imported for its effect where the dictionary costs nothing to load at once (Node: the CLI, tests, scripts): links
// can then be made and opened synchronously. The browser loads it on demand instead (link-dictionary.ts).
import { registerLinkDictionaryV2 } from './link-dictionary';
import { LINK_DICTIONARY_V2 } from './link-dictionary-v2';

registerLinkDictionaryV2(LINK_DICTIONARY_V2);
