import { describe, expect, it } from 'vitest';
import { canMove, describeStatus, isBusy, describeCountdown, isBootFailed, move, secondsLeft, type WebContainerStatus } from './webcontainer-status';

const idle: WebContainerStatus = { state: 'idle' };
const checking: WebContainerStatus = { state: 'checking-isolation' };
const booting = { state: 'booting', timeoutMs: 20_000, startedAt: 1_000_000 } as const;
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

  it('leaves a failed boot only by booting again, and refuses moves that skip a stage', () => {
    for (const to of [idle, booting, installing, ready, installFailed]) expect(canMove(bootFailed, to)).toBe(false);
    expect(canMove(bootFailed, checking)).toBe(true);
    expect(canMove(idle, ready)).toBe(false);
    expect(canMove(booting, installing)).toBe(false);
    expect(canMove(ready, installFailed)).toBe(false);
    expect(() => move(idle, ready)).toThrow(/cannot go from 'idle' to 'ready'/);
    expect(isBootFailed(bootFailed)).toBe(true);
    expect(isBootFailed(installFailed)).toBe(false);
    expect([idle, checking, booting, installing, ready, bootFailed].map(isBusy)).toEqual([false, true, true, true, false, false]);
  });

  it('describes each state in a sentence', () => {
    expect(describeStatus(booting)).toBe('Starting WebContainer…');
    expect(describeStatus({ ...installing, done: 1, line: 'added 1 package' })).toBe('Installing packages (1/1): added 1 package');
    expect(describeStatus({ state: 'ready', packages: ['lodash'] })).toBe('Ready, with lodash.');
    expect(describeStatus(bootFailed)).toBe('Unavailable: no answer.');
    expect(describeStatus(installFailed)).toBe('Packages not installed: npm failed.');
  });

  it('counts the seconds left of a boot down to zero, rounding up', () => {
    expect(describeCountdown(booting, 1_000_000)).toBe('20 s left');
    expect(describeCountdown(booting, 1_000_000 + 1_500)).toBe('19 s left');
    expect(secondsLeft(booting, 1_000_000 + 19_999)).toBe(1);
    expect(secondsLeft(booting, 1_000_000 + 20_000)).toBe(0);
    expect(secondsLeft(booting, 1_000_000 + 60_000)).toBe(0);
  });
});
