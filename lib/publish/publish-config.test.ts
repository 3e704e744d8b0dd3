import { describe, expect, it } from 'vitest';
import { publishConfigFrom } from './publish-config';

describe('publish settings from the environment', () => {
  it('needs no settings: SQLite under ./data, 1 MB, 30 publishes an hour, no trusted proxy', () => {
    const config = publishConfigFrom({});
    expect(config).toMatchObject({ maxBytes: 1024 * 1024, rateLimit: 30, windowMs: 3_600_000, trustProxy: false, warnings: [] });
    expect(config.sqliteFile).toBe(`${process.cwd()}/data/playgrounds.sqlite`);
    expect(config.databaseUrl).toBeUndefined();
  });

  it('takes every setting', () => {
    const config = publishConfigFrom({ PUBLISH_DATA_DIR: '/srv/pub', DATABASE_URL: 'postgres://u:p@db/x', PUBLISH_MAX_BYTES: '5000', PUBLISH_RATE_LIMIT: '7', PUBLISH_TRUST_PROXY: '1' });
    expect(config).toMatchObject({ sqliteFile: '/srv/pub/playgrounds.sqlite', databaseUrl: 'postgres://u:p@db/x', maxBytes: 5000, rateLimit: 7, trustProxy: true });
  });

  it('names an unusable value and keeps the default instead of failing every publish', () => {
    const config = publishConfigFrom({ PUBLISH_RATE_LIMIT: 'lots', PUBLISH_MAX_BYTES: '-1' });
    expect(config.rateLimit).toBe(30);
    expect(config.maxBytes).toBe(1024 * 1024);
    expect(config.warnings).toEqual(['PUBLISH_MAX_BYTES="-1" is not a positive whole number; using 1048576.', 'PUBLISH_RATE_LIMIT="lots" is not a positive whole number; using 30.']);
  });

  it('keeps the size limit within what a share link may hold (2 MB), so every record opens like a link', () => {
    const config = publishConfigFrom({ PUBLISH_MAX_BYTES: String(10 * 1024 * 1024) });
    expect(config.maxBytes).toBe(2 * 1024 * 1024);
    expect(config.warnings).toEqual(['PUBLISH_MAX_BYTES=10485760 is past the 2097152 bytes a shared playground may hold; using 2097152.']);
  });
});
