// Calls through the app's proxy without a key of the user's: the AI SDK providers still send `Authorization: Bearer `
// (or an empty x-api-key / x-goog-api-key), which the proxy refuses. Leaving the header out is how a call asks for the
// server's key.
import { CREDENTIAL_HEADERS, isBlankCredential } from './proxy-credentials';

/** A fetch that drops credential headers with nothing in them, and changes nothing else. */
export function withoutEmptyCredentials(fetchImpl: typeof globalThis.fetch): typeof globalThis.fetch {
  return (input, init) => {
    if (!init?.headers) return fetchImpl(input, init);
    const headers = new Headers(init.headers);
    for (const name of CREDENTIAL_HEADERS) {
      const value = headers.get(name);
      if (value !== null && isBlankCredential(value)) headers.delete(name);
    }
    return fetchImpl(input, { ...init, headers });
  };
}
