// Picks the repository from the settings: Postgres with DATABASE_URL, else the SQLite file.
import type { PublishConfig } from './publish-config';
import type { PlaygroundRepository } from './repository';
import { openSqliteRepository } from './sqlite-repository';

export async function openRepository(config: Pick<PublishConfig, 'databaseUrl' | 'sqliteFile'>): Promise<PlaygroundRepository> {
  if (config.databaseUrl) {
    const { openPostgresRepository } = await import('./postgres-repository');
    return openPostgresRepository(config.databaseUrl);
  }
  return openSqliteRepository(config.sqliteFile);
}
