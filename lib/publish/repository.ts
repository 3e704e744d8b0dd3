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

export type DeleteOutcome = 'deleted' | 'forbidden' | 'not-found';

export interface PlaygroundRepository {
  readonly kind: 'sqlite' | 'postgres';
  /** Stores the record unless its id is already there; true when this call stored it. */
  createIfAbsent(record: PublishedRecord): Promise<boolean>;
  get(id: string): Promise<PublishedRecord | undefined>;
  /** Deletes the record only when `tokenHash` is its token's hash. */
  delete(id: string, tokenHash: string): Promise<DeleteOutcome>;
  /**
   * Counts one publish attempt by `client` at `atMs` and forgets attempts older than `sinceMs`; returns how many
   * attempts (this one included) the client made since `sinceMs`, and when the oldest of them was.
   */
  recordAttempt(client: string, atMs: number, sinceMs: number): Promise<{ count: number; oldestMs: number }>;
  close(): Promise<void>;
}
