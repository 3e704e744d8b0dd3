// Remembers a scroll position per key (a tab, a view): each key gets back where it was left, a new key starts at the
// top. Content that is still growing (an editor loading, an analysis arriving) gets the position once it is tall enough.

/** Something that scrolls: an element's scrollTop, or the document's. Setting may clamp to what the content allows. */
export interface Scroller {
  get(): number;
  set(top: number): void;
}

export interface ScrollMemory {
  /** Shows `key` in `scroller`: its remembered position, or the top. */
  open(key: string, scroller: Scroller): void;
  /** The scroller moved: remembered for the open key, unless a restore is still waiting for content. */
  scrolled(scroller: Scroller): void;
  /** The content changed size: a waiting restore tries again. */
  resized(scroller: Scroller): void;
  /** The person scrolls or types: their position wins over a waiting restore. */
  cancel(): void;
  position(key: string): number;
}

export function createScrollMemory(): ScrollMemory {
  const positions = new Map<string, number>();
  let openKey: string | undefined;
  let pending: number | undefined;

  const apply = (scroller: Scroller, top: number) => {
    scroller.set(top);
    pending = Math.abs(scroller.get() - top) > 1 ? top : undefined;
  };

  return {
    open(key, scroller) {
      openKey = key;
      apply(scroller, positions.get(key) ?? 0);
    },
    scrolled(scroller) {
      if (pending === undefined && openKey !== undefined) positions.set(openKey, scroller.get());
    },
    resized(scroller) {
      if (pending !== undefined) apply(scroller, pending);
    },
    cancel() {
      pending = undefined;
    },
    position: (key) => positions.get(key) ?? 0,
  };
}
