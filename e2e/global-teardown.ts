// After the run: the run's published playgrounds (the temp PUBLISH_DATA_DIR playwright.config.ts made) are removed.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

export default function globalTeardown(): void {
  const dir = process.env.E2E_PUBLISH_DATA_DIR;
  if (dir && dir.startsWith(tmpdir())) rmSync(dir, { recursive: true, force: true });
}
