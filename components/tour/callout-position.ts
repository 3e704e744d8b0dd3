// Where a tour callout goes: next to its target's box (below, above, right or left, the first side where it fits),
// kept inside the viewport. Pure, so the placement rules are tested without a browser.

export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface Placement {
  top: number;
  left: number;
  side: 'below' | 'above' | 'right' | 'left' | 'inside';
}

const GAP = 8;
const MARGIN = 8;

/** The part of the target the person can see (a tall system prompt is cut by the window), or undefined if none. */
export function visiblePart(target: Box, viewport: { width: number; height: number }, topInset = 0): Box | undefined {
  const top = Math.max(target.top, topInset);
  const left = Math.max(target.left, 0);
  const bottom = Math.min(target.top + target.height, viewport.height);
  const right = Math.min(target.left + target.width, viewport.width);
  if (bottom <= top || right <= left) return undefined;
  return { top, left, width: right - left, height: bottom - top };
}

/**
 * Places a callout of `size` next to `target` inside `viewport`. `topInset` is what a sticky header covers at the top.
 * When no side has room (the target fills the window), the callout sits at the window's bottom edge, over the target.
 */
export function placeCallout(
  target: Box,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
  topInset = 0,
): Placement {
  const seen = visiblePart(target, viewport, topInset) ?? target;
  const clampLeft = (left: number) => Math.min(Math.max(left, MARGIN), Math.max(MARGIN, viewport.width - size.width - MARGIN));
  const clampTop = (top: number) => Math.min(Math.max(top, topInset + MARGIN), Math.max(topInset + MARGIN, viewport.height - size.height - MARGIN));
  const below = seen.top + seen.height + GAP;
  const above = seen.top - GAP - size.height;
  const right = seen.left + seen.width + GAP;
  const left = seen.left - GAP - size.width;
  const sides: (Placement | undefined)[] = [
    below + size.height + MARGIN <= viewport.height ? { top: below, left: clampLeft(seen.left), side: 'below' } : undefined,
    above >= topInset + MARGIN ? { top: above, left: clampLeft(seen.left), side: 'above' } : undefined,
  ];
  const besides: (Placement | undefined)[] = [
    right + size.width + MARGIN <= viewport.width ? { top: clampTop(seen.top), left: right, side: 'right' } : undefined,
    left >= MARGIN ? { top: clampTop(seen.top), left, side: 'left' } : undefined,
  ];
  // Next to a tall target (a long prompt, a step card) the callout reads beside it; a short one gets it under or over.
  const order = seen.height > viewport.height / 2 ? [...besides, ...sides] : [...sides, ...besides];
  const fit = order.find((p) => p !== undefined);
  if (fit) return fit;
  return { top: clampTop(viewport.height - size.height - MARGIN), left: clampLeft(seen.left), side: 'inside' };
}
