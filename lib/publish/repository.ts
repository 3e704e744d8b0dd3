// The storage behind published playgrounds: one small interface, a SQLite file by default, Postgres with DATABASE_URL.

/** A published record. Records are immutable: a new content is a new id. */
export interface PublishedRecord {
  /** The content id (see content-id.ts). */
  id: string;
  /** The payload's JSON text, exactly as GET returns it. */
  payload: string;
  /** SHA-256 (hex) of the delete token; the token itself is never stored. */
  tokenHash: string;
  /** ISO 8601. */
  createdAt: string;
}

export interface AttemptOutcome {
  allowed: boolean;
  count: number;
  oldestMs: number;
}

export type DeleteOutcome = 'deleted' | 'forbidden' | 'not-found';

export interface PlaygroundRepository {
  readonly kind: 'sqlite' | 'postgres';
  /** Stores the record unless its id is already there; true when this call stored it. */
  createIfAbsent(record: PublishedRecord): Promise<boolean>;
  get(id: string): Promise<PublishedRecord | undefined>;
  /** Deletes the record only when `tokenHash` is its token's hash. */
  delete(id: string, tokenHash: string): Promise<DeleteOutcome>;
  /**
   * Rate limiting, one atomic step: forgets attempts at or before `sinceMs`; then, when `client` made fewer than `limit`
   * attempts since `sinceMs`, counts this one at `atMs` (allowed), else counts nothing (a refused attempt takes no
   * slot and no row). `count`: the client's attempts in the window now; `oldestMs`: the oldest of them.
   */
  takeAttempt(client: string, atMs: number, sinceMs: number, limit: number): Promise<AttemptOutcome>;
  close(): Promise<void>;
}
