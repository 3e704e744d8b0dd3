import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findExample } from '../playground/examples';
import { shareUrl } from '../share/share-link';
import { runCliCaptured as cli } from '../test-support/cli';
import { startFakePublishServer, type FakePublishServer } from '../test-support/fake-publish-server';
import { js, playground } from '../test-support/playgrounds';
import { EXIT } from './run-command';

const warmest = findExample('warmest-city')!.playground;
const ID = 'Wx7_warm-123';
let dir: string;
let server: FakePublishServer;
let path: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'agent-cli-tools-from-'));
  server = await startFakePublishServer();
  server.publish(ID, { playground: warmest });
  // Uses a tool it does not have: it comes from the link.
  path = join(dir, 'pg.json');
  await writeFile(path, JSON.stringify(playground({ responses: [js('final_answer(convert_temperature(100, "fahrenheit") + add(0, 0))')] })));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('agent run --tools-from', () => {
  it('adds every tool of a share link and says where they came from', async () => {
    const { code, out, err } = await cli(['run', path, '--tools-from', shareUrl('https://agent-playground.example', { playground: warmest })]);
    expect(err).toMatch(/^tools from a share link to “Warmest city tomorrow” \(content [0-9a-f]{12}\): get_forecast, convert_temperature\. Written by someone else/m);
    expect(code).toBe(EXIT.ok);
    expect(out).toBe('212\n');
  });

  it('reads a published /p/ address from its server, and a bare id with --publish-url', async () => {
    const full = await cli(['run', path, '--tools-from', `${server.url}/p/${ID}`]);
    expect(full.err).toContain(`tools from ${server.url}/p/${ID}: get_forecast, convert_temperature.`);
    expect(full.out).toBe('212\n');
    const bare = await cli(['run', path, '--tools-from', ID, '--publish-url', server.url]);
    expect(bare.code).toBe(EXIT.ok);
    expect(server.requests).toContain(`GET /api/playgrounds/${ID}`);
  });

  it('refuses a bare id without --publish-url, an unknown id, and a clash, clearly and before running', async () => {
    const bare = await cli(['run', path, '--tools-from', ID]);
    expect(bare).toMatchObject({ code: EXIT.badInput, out: '' });
    expect(bare.err).toMatch(/is a bare published id: add --publish-url/);
    const unknown = await cli(['run', path, '--tools-from', `${server.url}/p/NoSuchId_000`]);
    expect(unknown.code).toBe(EXIT.badInput);
    expect(unknown.err).toMatch(/No playground is published as NoSuchId_000 at http:\/\/127\.0\.0\.1:\d+/);
    const clash = await cli(['run', path, '--tools-from', shareUrl('https://x.example', { playground: { ...warmest, tools: warmest.tools.replace('convert_temperature', 'add') } })]);
    expect(clash.code).toBe(EXIT.badInput);
    expect(clash.err).toMatch(/`add` is already the name of something else in your playground/);
    expect((await cli(['run', path, '--tools-from', 'not a link'])).err).toMatch(/not a link to a playground/);
  });
});
