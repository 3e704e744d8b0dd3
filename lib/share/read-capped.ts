// Reading a body that may be huge or hostile: stop as soon as it passes the cap, and never keep what was not asked for.
// One reader for the publish API's requests and for the published records the app fetches.

/** Chunks (of `size` bytes in all) as one array. */
export function joinBytes(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return all;
}

/**
 * A request's or response's body as UTF-8 text; null as soon as it passes `max` bytes (declared or read: the rest is
 * never read), undefined when it broke off or is not UTF-8.
 */
export async function readTextCapped(message: { headers: Headers; body: ReadableStream<Uint8Array> | null }, max: number): Promise<string | null | undefined> {
  const declared = Number(message.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    await message.body?.cancel().catch(() => undefined);
    return null;
  }
  if (!message.body) return '';
  const reader = message.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > max) {
        await reader.cancel().catch(() => undefined);
        return null;
      }
      chunks.push(value);
    }
  } catch {
    return undefined;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(joinBytes(chunks, size));
  } catch {
    return undefined;
  }
}
