// "did you mean get_forecast?": the known name closest to a mistyped one, by Damerau-Levenshtein distance.

/** Edits (insert, delete, substitute, swap two neighbours) between a and b: the optimal-string-alignment distance. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The known name `name` was probably meant to be: equal ignoring case, or at most 2 edits away (1 for names of up to 3
 * characters, so `f` does not suggest `fail`). Undefined when nothing is close or `name` is itself known.
 */
export function closestName(name: string, known: readonly string[]): string | undefined {
  if (!name || known.includes(name)) return undefined;
  const lower = name.toLowerCase();
  const sameCase = known.find((k) => k.toLowerCase() === lower);
  if (sameCase) return sameCase;
  const limit = name.length <= 3 ? 1 : 2;
  let best: { name: string; distance: number } | undefined;
  for (const k of known) {
    if (Math.abs(k.length - name.length) > limit) continue;
    const distance = editDistance(lower, k.toLowerCase());
    if (distance <= limit && (!best || distance < best.distance)) best = { name: k, distance };
  }
  return best?.name;
}
