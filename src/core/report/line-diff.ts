// A unified line diff as `diff -u` prints it: `---`/`+++` labels, `@@ -a,b +c,d @@` hunks with 3 lines of context, "\ No newline at end of file". Pure.
import { diffLines, type DiffBounds, type EditKind } from './myers-diff.js';

export interface UnifiedDiffOptions extends DiffBounds {
  /**
   * Unchanged lines shown around each change; changes closer than twice this share one hunk.
   * @default 3
   */
  readonly context?: number;
  /**
   * Most lines printed after the two label lines; past it, one line says how many were left out. The hunks are then
   * incomplete: keep the default wherever the diff must apply as a patch.
   * @default Infinity
   */
  readonly maxLines?: number;
}

/** One hunk: 1-based start lines and lengths in the old (a) and new (b) text, and its body lines (' ', '-', '+' or '\'). */
export interface Hunk {
  readonly aStart: number;
  readonly aLength: number;
  readonly bStart: number;
  readonly bLength: number;
  readonly lines: readonly string[];
}

export interface Hunks {
  readonly hunks: readonly Hunk[];
  /** False when the texts were past the diff's bounds: the differing middle is then one replacement (still a correct patch). */
  readonly minimal: boolean;
}

const NO_NEWLINE = '\\ No newline at end of file';

/** A text's lines without their '\n', and whether the last one has it. '' has no lines. */
function splitLines(text: string): { lines: string[]; newlineAtEnd: boolean } {
  if (text === '') return { lines: [], newlineAtEnd: true };
  const newlineAtEnd = text.endsWith('\n');
  return { lines: (newlineAtEnd ? text.slice(0, -1) : text).split('\n'), newlineAtEnd };
}

/** `diff -u`'s range: "start,length", "start" alone for one line, and for no lines the line before the gap (0 at the top). */
function range(start: number, length: number): string {
  if (length === 1) return String(start);
  return `${length === 0 ? start - 1 : start},${length}`;
}

export function unifiedHunks(expected: string, actual: string, options: UnifiedDiffOptions = {}): Hunks {
  const context = options.context ?? 3;
  const old = splitLines(expected);
  const now = splitLines(actual);
  // A last line without '\n' is not the same line as one with it: mark it for the comparison only.
  const key = (lines: readonly string[], newlineAtEnd: boolean): string[] =>
    newlineAtEnd || lines.length === 0 ? [...lines] : [...lines.slice(0, -1), `${lines[lines.length - 1]!}\u0000`];
  const { edits, minimal } = diffLines(key(old.lines, old.newlineAtEnd), key(now.lines, now.newlineAtEnd), options);
  // Positions in each text before every edit, so a hunk can start anywhere.
  const aAt = new Int32Array(edits.length + 1);
  const bAt = new Int32Array(edits.length + 1);
  edits.forEach((kind, i) => {
    aAt[i + 1] = aAt[i]! + (kind === '+' ? 0 : 1);
    bAt[i + 1] = bAt[i]! + (kind === '-' ? 0 : 1);
  });
  const changed: number[] = [];
  edits.forEach((kind, i) => kind !== ' ' && changed.push(i));
  const hunks: Hunk[] = [];
  let c = 0;
  while (c < changed.length) {
    // A hunk runs from `context` lines before its first change to `context` after its last, taking in every change
    // whose gap to the previous one is at most 2·context unchanged lines.
    let last = changed[c]!;
    const from = Math.max(0, last - context);
    while (c + 1 < changed.length && changed[c + 1]! - last - 1 <= 2 * context) last = changed[++c]!;
    c++;
    const to = Math.min(edits.length, last + 1 + context);
    const lines: string[] = [];
    for (let i = from; i < to; i++) {
      const kind: EditKind = edits[i]!;
      const inOld = kind !== '+';
      const index = inOld ? aAt[i]! : bAt[i]!;
      const side = inOld ? old : now;
      lines.push(`${kind}${side.lines[index]!}`);
      const lastOfOld = kind !== '+' && aAt[i]! === old.lines.length - 1 && !old.newlineAtEnd;
      const lastOfNew = kind !== '-' && bAt[i]! === now.lines.length - 1 && !now.newlineAtEnd;
      if (lastOfOld || lastOfNew) lines.push(NO_NEWLINE);
    }
    hunks.push({ aStart: aAt[from]! + 1, aLength: aAt[to]! - aAt[from]!, bStart: bAt[from]! + 1, bLength: bAt[to]! - bAt[from]!, lines });
  }
  return { hunks, minimal };
}

/**
 * The unified diff from `expected` to `actual` ('' when they are equal): two label lines, then each hunk's
 * `@@ -a,b +c,d @@` header and body. Texts past the bounds get a correct but non-minimal diff (one replacement block).
 */
export function unifiedDiff(expected: string, actual: string, labels = { expected: 'golden', actual: 'actual' }, options: UnifiedDiffOptions = {}): string {
  const { hunks } = unifiedHunks(expected, actual, options);
  if (hunks.length === 0) return '';
  const body = hunks.flatMap((h) => [`@@ -${range(h.aStart, h.aLength)} +${range(h.bStart, h.bLength)} @@`, ...h.lines]);
  const maxLines = options.maxLines ?? Infinity;
  const shown = body.length > maxLines ? [...body.slice(0, maxLines), `… ${body.length - maxLines} more diff line(s) not shown`] : body;
  return [`--- ${labels.expected}`, `+++ ${labels.actual}`, ...shown].join('\n');
}
