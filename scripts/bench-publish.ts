// Publish and fetch latency of the publish API on SQLite: the route handlers called in process (validation, content
// id, the database write or read; no HTTP socket), on a bundled example with its recorded run. Part of
// `npm run bench`; runs alone too (`npx tsx scripts/bench-publish.ts`). Prints figures; asserts nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAgentFromPlayground } from '../lib/runner';
import type { AgentEvent } from '../lib/agent';
import { EXAMPLES } from '../lib/playground/examples';
import { closePublishServer, handleFetch, handlePublish } from '../lib/publish';

const OPS = 200;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

export async function publishFigures(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-publish-'));
  const saved = { dir: process.env.PUBLISH_DATA_DIR, limit: process.env.PUBLISH_RATE_LIMIT, db: process.env.DATABASE_URL };
  process.env.PUBLISH_DATA_DIR = dir;
  process.env.PUBLISH_RATE_LIMIT = String(OPS * 10);
  delete process.env.DATABASE_URL;
  try {
    const example = EXAMPLES[0]!;
    const agent = createAgentFromPlayground(example.playground, { replayDelayMs: 0 });
    const events: AgentEvent[] = [];
    for await (const e of agent.run(example.playground.task)) events.push(e);
    // Each publish a new record (a different task), so every one is a real insert.
    const bodies = Array.from({ length: OPS + 20 }, (_, i) => JSON.stringify({ playground: { ...example.playground, task: `${example.playground.task} #${i}` }, run: { events } }));
    const ids: string[] = [];
    const publishMs: number[] = [];
    for (const [i, body] of bodies.entries()) {
      const started = performance.now();
      const response = await handlePublish(new Request('http://127.0.0.1:3000/api/playgrounds', { method: 'POST', headers: { 'content-type': 'application/json' }, body }));
      const elapsed = performance.now() - started;
      if (response.status !== 201) throw new Error(`bench publish got ${response.status}: ${await response.text()}`);
      ids.push(((await response.json()) as { id: string }).id);
      if (i >= 20) publishMs.push(elapsed); // the first 20 warm up (and open the file)
    }
    const fetchMs: number[] = [];
    for (const id of ids.slice(20)) {
      const started = performance.now();
      const response = await handleFetch(id);
      await response.text();
      fetchMs.push(performance.now() - started);
      if (response.status !== 200) throw new Error(`bench fetch got ${response.status}`);
    }
    const kb = (Buffer.byteLength(bodies[0]!) / 1024).toFixed(0);
    const f = (v: number) => v.toFixed(2);
    console.log(
      `Publish API on SQLite (in process, ${OPS} ops, example "${example.id}" with its run, ${kb} KB of JSON): publish median ${f(percentile(publishMs, 0.5))} ms, p95 ${f(percentile(publishMs, 0.95))} ms; fetch median ${f(percentile(fetchMs, 0.5))} ms, p95 ${f(percentile(fetchMs, 0.95))} ms`,
    );
  } finally {
    await closePublishServer();
    rmSync(dir, { recursive: true, force: true });
    for (const [key, value] of [['PUBLISH_DATA_DIR', saved.dir], ['PUBLISH_RATE_LIMIT', saved.limit], ['DATABASE_URL', saved.db]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await publishFigures();
