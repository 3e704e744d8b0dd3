// The publish API's settings, read from the environment once per server process.
import { join, resolve } from 'node:path';
import { STRUCTURAL_LIMITS } from '../share/structural-limits';

export interface PublishConfig {
  /** Set: Postgres at this URL; unset: the SQLite file. */
  databaseUrl?: string;
  sqliteFile: string;
  /** The request body's limit, in bytes of JSON. */
  maxBytes: number;
  /** Publish attempts per client address per window. */
  rateLimit: number;
  windowMs: number;
  /** Trust the first x-forwarded-for entry as the client address (behind a proxy you run). */
  trustProxy: boolean;
  /** Settings that were set but unusable, each with the default used instead. */
  warnings: string[];
}

export const DEFAULT_MAX_BYTES = 1024 * 1024;
export const DEFAULT_RATE_LIMIT = 30;
const HOUR_MS = 60 * 60 * 1000;

export function publishConfigFrom(env: Record<string, string | undefined>): PublishConfig {
  const warnings: string[] = [];
  const positive = (name: string, fallback: number): number => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    if (/^\d+$/.test(raw) && Number(raw) > 0 && Number.isSafeInteger(Number(raw))) return Number(raw);
    warnings.push(`${name}=${JSON.stringify(raw)} is not a positive whole number; using ${fallback}.`);
    return fallback;
  };
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  let maxBytes = positive('PUBLISH_MAX_BYTES', DEFAULT_MAX_BYTES);
  // What is published must open where a link's content opens: never more than the links' own size limit.
  if (maxBytes > STRUCTURAL_LIMITS.maxJsonBytes) {
    warnings.push(`PUBLISH_MAX_BYTES=${maxBytes} is past the ${STRUCTURAL_LIMITS.maxJsonBytes} bytes a shared playground may hold; using ${STRUCTURAL_LIMITS.maxJsonBytes}.`);
    maxBytes = STRUCTURAL_LIMITS.maxJsonBytes;
  }
  return {
    ...(databaseUrl ? { databaseUrl } : {}),
    // Resolved at run time against the server's working directory (the ignore keeps the build from tracing the project).
    sqliteFile: join(resolve(/*turbopackIgnore: true*/ env.PUBLISH_DATA_DIR?.trim() || './data'), 'playgrounds.sqlite'),
    maxBytes,
    rateLimit: positive('PUBLISH_RATE_LIMIT', DEFAULT_RATE_LIMIT),
    windowMs: HOUR_MS,
    trustProxy: env.PUBLISH_TRUST_PROXY === '1',
    warnings,
  };
}
