import { describe, expect, it } from 'vitest';
import { canMove, describeStatus, isBusy, isPermanentlyUnavailable, move, type WebContainerStatus } from './webcontainer-status';

const idle: WebContainerStatus = { state: 'idle' };
const checking: WebContainerStatus = { state: 'checking-isolation' };
const booting: WebContainerStatus = { state: 'booting', timeoutMs: 20_000 };
const installing: WebContainerStatus = { state: 'installing', packages: ['lodash'], done: 0, total: 1 };
const ready: WebContainerStatus = { state: 'ready', packages: [] };
const bootFailed: WebContainerStatus = { state: 'unavailable', reason: 'no answer.', scope: 'boot' };
const installFailed: WebContainerStatus = { state: 'unavailable', reason: 'npm failed.', scope: 'packages' };

describe('WebContainer status', () => {
  it('moves forward through checking, booting, installing and ready', () => {
    expect(canMove(idle, checking)).toBe(true);
    expect(canMove(checking, booting)).toBe(true);
    expect(canMove(checking, bootFailed)).toBe(true);
    expect(canMove(booting, ready)).toBe(true);
    expect(canMove(booting, bootFailed)).toBe(true);
    expect(canMove(ready, installing)).toBe(true);
    expect(canMove(installing, ready)).toBe(true);
    expect(canMove(installing, installFailed)).toBe(true);
    expect(canMove(installFailed, installing)).toBe(true);
    expect(canMove(installFailed, ready)).toBe(true);
  });

  it('never leaves a failed boot, and refuses moves that skip a stage', () => {
    for (const to of [idle, checking, booting, installing, ready, installFailed]) expect(canMove(bootFailed, to)).toBe(false);
    expect(canMove(idle, ready)).toBe(false);
    expect(canMove(booting, installing)).toBe(false);
    expect(canMove(ready, installFailed)).toBe(false);
    expect(() => move(idle, ready)).toThrow(/cannot go from 'idle' to 'ready'/);
    expect(isPermanentlyUnavailable(bootFailed)).toBe(true);
    expect(isPermanentlyUnavailable(installFailed)).toBe(false);
    expect([idle, checking, booting, installing, ready, bootFailed].map(isBusy)).toEqual([false, true, true, true, false, false]);
  });

  it('describes each state in a sentence', () => {
    expect(describeStatus(booting)).toBe('Booting the WebContainer (gives up after 20 s)…');
    expect(describeStatus({ ...installing, done: 1, line: 'added 1 package' })).toBe('Installing packages (1/1): added 1 package');
    expect(describeStatus({ state: 'ready', packages: ['lodash'] })).toBe('Ready, with lodash.');
    expect(describeStatus(bootFailed)).toBe('Unavailable: no answer. Reload the page to try again.');
    expect(describeStatus(installFailed)).toBe('Packages not installed: npm failed.');
  });
});
