// One publish service per server process, opened on the first request from the environment of that moment.
import { publishConfigFrom, type PublishConfig } from './publish-config';
import { createPublishService, type PublishService } from './publish-service';
import { openRepository } from './open-repository';
import type { PlaygroundRepository } from './repository';

export interface PublishServer {
  config: PublishConfig;
  service: PublishService;
  repository: PlaygroundRepository;
}

// On globalThis, not in a module variable: each route may get its own copy of this module, and they must share one
// database connection.
const KEY = Symbol.for('agent-playground.publish-server');
type Holder = { [KEY]?: Promise<PublishServer> };

export function publishServer(): Promise<PublishServer> {
  const holder = globalThis as Holder;
  holder[KEY] ??= start().catch((error: unknown) => {
    // Not kept: the next request tries again (the database may come up later).
    delete holder[KEY];
    throw error;
  });
  return holder[KEY];
}

/** Closes the database and forgets the service (tests, and the bench). */
export async function closePublishServer(): Promise<void> {
  const holder = globalThis as Holder;
  const server = holder[KEY];
  delete holder[KEY];
  if (server) await (await server.catch(() => undefined))?.repository.close();
}

async function start(): Promise<PublishServer> {
  const config = publishConfigFrom(process.env);
  for (const warning of config.warnings) console.warn(`Publish settings: ${warning}`);
  const repository = await openRepository(config);
  return { config, repository, service: createPublishService({ repository, rateLimit: config.rateLimit, windowMs: config.windowMs }) };
}
