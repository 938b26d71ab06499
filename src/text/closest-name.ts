/** Near misses of a known name: a mistyped setting, suite key or status. */

/** The known name a mistyped one was meant to be (`threshhold` → `threshold`, `min_hit1` → `min-hit1`), if one is close. */
export function closestName(name: string, known: readonly string[]): string | undefined {
  const plain = (s: string): string => s.toLowerCase().replace(/[_\s]/g, '-');
  const distance = (a: string, b: string): number => {
    let row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const next = [i];
      for (let j = 1; j <= b.length; j++) next[j] = Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, (row[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
      row = next;
    }
    return row[b.length] ?? 0;
  };
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = distance(plain(name), plain(k));
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  // a slip of a letter or two, not a different word
  return best !== undefined && bestDistance <= Math.min(2, Math.floor(best.length / 3)) ? best : undefined;
}
