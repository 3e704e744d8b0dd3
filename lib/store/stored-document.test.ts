import { describe, expect, it } from 'vitest';
import { readStored, type StoredFormat } from './stored-document';

// A format at version 3 whose history renamed `text` to `body` (1→2) and wrapped it in `note` (2→3).
const format: StoredFormat<{ note: { body: string } }> = {
  version: 3,
  migrations: {
    1: (s) => ({ body: (s as { text: string }).text }),
    2: (s) => ({ note: s }),
  },
  validate: (s) =>
    typeof (s as { note?: { body?: unknown } }).note?.body === 'string'
      ? { ok: true, state: s as { note: { body: string } } }
      : { ok: false, reason: 'no note body' },
};

const record = (version: unknown, state: unknown) => JSON.stringify({ version, state });

describe('readStored', () => {
  it('opens data saved by every older version, converting it step by step', () => {
    expect(readStored(record(1, { text: 'hi' }), format)).toEqual({ kind: 'ok', state: { note: { body: 'hi' } }, migratedFrom: 1 });
    expect(readStored(record(2, { body: 'hi' }), format)).toEqual({ kind: 'ok', state: { note: { body: 'hi' } }, migratedFrom: 2 });
    expect(readStored(record(3, { note: { body: 'hi' } }), format)).toEqual({ kind: 'ok', state: { note: { body: 'hi' } } });
  });

  it('reports nothing saved as empty', () => {
    expect(readStored(null, format)).toEqual({ kind: 'empty' });
  });

  it.each([
    ['{"version": 3, "state": ', /not valid JSON/],
    ['[1, 2]', /not a saved playground record/],
    [record('3', {}), /is not a version number/],
    [record(9, {}), /newer version of the app \(format 9; this app reads up to 3\)/],
    [record(0, {}), /too old to convert \(no step from 0 to 1\)/],
    [record(1, null), /converting it from format 1 failed/],
    [record(3, { note: {} }), /no note body/],
  ])('explains why %s cannot be read, without throwing', (raw, reason) => {
    const outcome = readStored(raw, format);
    expect(outcome.kind).toBe('unreadable');
    expect(outcome.kind === 'unreadable' && outcome.reason).toMatch(reason);
  });
});
