// closestName: the allowed name a mistyped one most likely meant ("spreadBsp", "spread-bps" → "spreadBps"), or null when none is close.

/** Lower case without separators: "spread-bps", "spread_bps" and "SpreadBps" all read "spreadbps". */
function folded(name: string): string {
  return name.toLowerCase().replace(/[-_\s]/g, '');
}

/** Edit distance with adjacent transpositions (optimal string alignment), iterative. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * The allowed name nearest to `name` after folding case and separators, if at most a third of its length (and at
 * least 1, at most 3 edits) away; ties go to the earlier name in `allowed`.
 */
export function closestName(name: string, allowed: readonly string[]): string | null {
  const key = folded(name);
  const limit = Math.min(3, Math.max(1, Math.floor(key.length / 3)));
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    const distance = editDistance(key, folded(candidate));
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
