// Myers' O((N+M)·D) shortest edit script between two line arrays, bounded in edits and work; past the bound it falls back to one replacement of the differing middle. Pure.

/** One step of an edit script: keep a line of both (' '), delete a line of the old text ('-'), insert a line of the new ('+'). */
export type EditKind = ' ' | '-' | '+';

export interface LineDiff {
  /** The script, in order: applying it to the old lines gives the new ones. Within each run of changes, deletions come before insertions. */
  readonly edits: readonly EditKind[];
  /** True when the script is a shortest one; false when the bound was hit and the differing middle is one replacement block. */
  readonly minimal: boolean;
}

export interface DiffBounds {
  /**
   * Most edits (deleted + inserted lines) searched for after the common head and tail are removed; the trace costs about
   * maxEdits² 32-bit integers (16 MB at the default).
   * @default 2000
   */
  readonly maxEdits?: number;
  /**
   * Most diagonal steps and line comparisons spent in the search.
   * @default 20_000_000
   */
  readonly maxWork?: number;
}

/** A shortest edit script from `a` to `b` (lines compared with ===), or a valid non-minimal one when past `bounds`. */
export function diffLines(a: readonly string[], b: readonly string[], bounds: DiffBounds = {}): LineDiff {
  const maxEdits = bounds.maxEdits ?? 2000;
  const maxWork = bounds.maxWork ?? 20_000_000;
  // Lines become small integers, so the search compares numbers, not strings.
  const ids = new Map<string, number>();
  const intern = (lines: readonly string[]): Int32Array => {
    const out = new Int32Array(lines.length);
    lines.forEach((line, i) => {
      let id = ids.get(line);
      if (id === undefined) ids.set(line, (id = ids.size));
      out[i] = id;
    });
    return out;
  };
  const x = intern(a);
  const y = intern(b);
  let head = 0;
  while (head < x.length && head < y.length && x[head] === y[head]) head++;
  let tail = 0;
  while (tail < x.length - head && tail < y.length - head && x[x.length - 1 - tail] === y[y.length - 1 - tail]) tail++;
  const middle = shortestMiddle(x.subarray(head, x.length - tail), y.subarray(head, y.length - tail), maxEdits, maxWork);
  const n = x.length - head - tail;
  const m = y.length - head - tail;
  const inner: EditKind[] = middle ?? [...Array<EditKind>(n).fill('-'), ...Array<EditKind>(m).fill('+')];
  const edits: EditKind[] = [...Array<EditKind>(head).fill(' '), ...deletionsFirst(inner), ...Array<EditKind>(tail).fill(' ')];
  return { edits, minimal: middle !== null };
}

/** Myers' greedy forward search with a trace, then the walk back; null when the bounds are exceeded. */
function shortestMiddle(a: Int32Array, b: Int32Array, maxEdits: number, maxWork: number): EditKind[] | null {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return [...Array<EditKind>(n).fill('-'), ...Array<EditKind>(m).fill('+')];
  const limit = Math.min(n + m, maxEdits);
  const offset = limit + 1;
  // v[offset + k]: the furthest x reached on diagonal k (= x − y) with the edits spent so far.
  const v = new Int32Array(2 * limit + 3);
  v[offset + 1] = 0;
  // trace[d]: v over diagonals −d−1 … d+1 as it stood before round d (what the walk back needs of it).
  const trace: Int32Array[] = [];
  let work = 0;
  for (let d = 0; d <= limit; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let px = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let py = px - k;
      while (px < n && py < m && a[px] === b[py]) px++, py++, work++;
      v[offset + k] = px;
      work++;
      if (px >= n && py >= m) return walkBack(trace, n, m);
    }
    if (work > maxWork) return null;
  }
  return null;
}

function walkBack(trace: readonly Int32Array[], n: number, m: number): EditKind[] {
  const reversed: EditKind[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const before = trace[d]!;
    const at = (k: number): number => before[k + d + 1]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) reversed.push(' '), x--, y--;
    if (d > 0) reversed.push(x === prevX ? '+' : '-');
    x = prevX;
    y = prevY;
  }
  return reversed.reverse();
}

/** The same script with each run of changes written as its deletions, then its insertions (as `diff -u` prints them). */
function deletionsFirst(edits: readonly EditKind[]): EditKind[] {
  const out: EditKind[] = [];
  let i = 0;
  while (i < edits.length) {
    if (edits[i] === ' ') {
      out.push(' ');
      i++;
      continue;
    }
    let minus = 0;
    let plus = 0;
    for (; i < edits.length && edits[i] !== ' '; i++) edits[i] === '-' ? minus++ : plus++;
    for (let c = 0; c < minus; c++) out.push('-');
    for (let c = 0; c < plus; c++) out.push('+');
  }
  return out;
}
