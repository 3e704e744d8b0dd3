import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createNodeLauncher } from '../node/node-launcher';
import { KERNEL_FILE, KERNEL_SOURCE } from './kernel-source';

const fileText = readFileSync(new URL('./kernel.cjs', import.meta.url), 'utf8');

describe('the kernel program the launchers ship', () => {
  it('is the file kernel.cjs byte for byte', () => {
    expect(Buffer.from(KERNEL_SOURCE, 'utf8').equals(readFileSync(new URL('./kernel.cjs', import.meta.url)))).toBe(true);
    expect(KERNEL_SOURCE.length).toBeGreaterThan(20_000);
  });

  it('is what the Node launcher writes for the child process to run', async () => {
    const proc = await createNodeLauncher().launch({ memoryMb: 64 });
    try {
      expect(await readFile(join(proc.dir, KERNEL_FILE), 'utf8')).toBe(fileText);
    } finally {
      proc.kill();
      await proc.exited;
    }
  });
});
