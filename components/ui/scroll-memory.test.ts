import { describe, expect, it } from 'vitest';
import { createScrollMemory, type Scroller } from './scroll-memory';

/** A scroller whose content is `height` tall in a 100-high window: positions clamp like a browser's. */
function fakeScroller(height: number) {
  let top = 0;
  const s = {
    height,
    get: () => top,
    set: (t: number) => {
      top = Math.max(0, Math.min(t, s.height - 100));
    },
  };
  return s satisfies Scroller & { height: number };
}

/** Tools scrolled to 600, left for Task, then reopened while its content is only 300 high (its editor still loading). */
function toolsReopenedShort() {
  const memory = createScrollMemory();
  const el = fakeScroller(1000);
  memory.open('tools', el);
  el.set(600);
  memory.scrolled(el);
  memory.open('task', el);
  el.height = 300;
  memory.open('tools', el);
  return { memory, el };
}

describe('scroll memory', () => {
  it('gives each key its own position and starts a new key at the top', () => {
    const memory = createScrollMemory();
    const el = fakeScroller(1000);
    memory.open('tools', el);
    el.set(420);
    memory.scrolled(el);
    memory.open('prompt', el);
    expect(el.get()).toBe(0);
    el.set(50);
    memory.scrolled(el);
    memory.open('tools', el);
    expect(el.get()).toBe(420);
    memory.open('prompt', el);
    expect(el.get()).toBe(50);
  });

  it('waits for content that is still growing, without forgetting the position meanwhile', () => {
    const { memory, el } = toolsReopenedShort();
    expect(el.get()).toBe(200);
    memory.scrolled(el); // the clamp's own scroll event
    expect(memory.position('tools')).toBe(600);
    el.height = 1000;
    memory.resized(el);
    expect(el.get()).toBe(600);
  });

  it('lets the person scroll away from a waiting restore', () => {
    const { memory, el } = toolsReopenedShort();
    memory.cancel();
    el.set(10);
    memory.scrolled(el);
    el.height = 1000;
    memory.resized(el);
    expect(el.get()).toBe(10);
    expect(memory.position('tools')).toBe(10);
  });
});
