// unifiedDiff / unifiedHunks: `diff -u` output (hunk headers, 3 lines of context, merged nearby changes, no-newline marker), and seeded fast-check properties: applying the hunks to the old text gives the new one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unifiedDiff, unifiedHunks } from '../../../src/core/report/line-diff.js';

/** Applies the hunks of a unified diff (as printed) to `old`, checking every context and deleted line; throws on a mismatch. */
function applyUnifiedDiff(old: string, diff: string): string {
  const src = old === '' ? { lines: [] as string[], eol: true } : { lines: (old.endsWith('\n') ? old.slice(0, -1) : old).split('\n'), eol: old.endsWith('\n') };
  // Each output line, and whether it ends without a newline (only the last can).
  const out: Array<{ text: string; bare: boolean }> = [];
  let at = 0;
  const copy = () => {
    out.push({ text: src.lines[at]!, bare: at === src.lines.length - 1 && !src.eol });
    at++;
  };
  const body = diff === '' ? [] : diff.split('\n').slice(2);
  for (let i = 0; i < body.length; ) {
    const header = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@$/.exec(body[i]!);
    if (!header) throw new Error(`not a hunk header: ${body[i]}`);
    const aLength = header[2] === undefined ? 1 : Number(header[2]);
    const aStart = aLength === 0 ? Number(header[1]) : Number(header[1]) - 1;
    while (at < aStart) copy();
    for (i++; i < body.length && !body[i]!.startsWith('@@'); i++) {
      const line = body[i]!;
      const text = line.slice(1);
      const bare = body[i + 1] === '\\ No newline at end of file';
      if (line[0] === ' ' || line[0] === '-') {
        if (src.lines[at] !== text) throw new Error(`context/deleted line ${at + 1} is ${JSON.stringify(src.lines[at])}, diff says ${JSON.stringify(text)}`);
        at++;
      }
      if (line[0] === ' ' || line[0] === '+') out.push({ text, bare });
      if (bare) i++;
    }
  }
  while (at < src.lines.length) copy();
  return out.map((l) => l.text + (l.bare ? '' : '\n')).join('');
}

const lines = (...l: string[]) => l.map((s) => `${s}\n`).join('');
const numbered = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`);

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('a\nb\n', 'a\nb\n')).toBe('');
  });

  it('prints one changed line with 3 lines of context each side and a diff -u hunk header', () => {
    const old = numbered(10);
    const now = [...old];
    now[4] = 'LINE 5';
    expect(unifiedDiff(lines(...old), lines(...now), { expected: 'old.json', actual: 'new.json' })).toBe(
      ['--- old.json', '+++ new.json', '@@ -2,7 +2,7 @@', ' line 2', ' line 3', ' line 4', '-line 5', '+LINE 5', ' line 6', ' line 7', ' line 8'].join('\n'),
    );
  });

  it('merges changes at most 6 unchanged lines apart into one hunk and splits those 7 apart', () => {
    const old = numbered(30);
    const now = old.map((l, i) => (i === 2 || i === 9 || i === 17 ? l.toUpperCase() : l));
    expect(unifiedDiff(lines(...old), lines(...now)).split('\n').filter((l) => l.startsWith('@@'))).toEqual(['@@ -1,13 +1,13 @@', '@@ -15,7 +15,7 @@']);
  });

  it('writes a pure insertion and a pure deletion as diff -u does (length 0 ranges name the line before; length 1 omits ",1")', () => {
    expect(unifiedDiff(lines('a', 'b'), lines('a', 'x', 'b'), undefined, { context: 0 })).toBe(['--- golden', '+++ actual', '@@ -1,0 +2 @@', '+x'].join('\n'));
    expect(unifiedDiff(lines('a', 'x', 'b'), lines('a', 'b'), undefined, { context: 0 })).toBe(['--- golden', '+++ actual', '@@ -2 +1,0 @@', '-x'].join('\n'));
    expect(unifiedDiff('', lines('a', 'b'))).toBe(['--- golden', '+++ actual', '@@ -0,0 +1,2 @@', '+a', '+b'].join('\n'));
  });

  it('marks a last line without a newline', () => {
    expect(unifiedDiff('a\nb\n', 'a\nb')).toBe(['--- golden', '+++ actual', '@@ -1,2 +1,2 @@', ' a', '-b', '+b', '\\ No newline at end of file'].join('\n'));
  });

  it('cuts a long diff at maxLines and says how many lines it left out', () => {
    const diff = unifiedDiff(lines(...numbered(10)), lines(...numbered(10).map((l) => l.toUpperCase())), undefined, { maxLines: 4 });
    expect(diff.split('\n')).toEqual(['--- golden', '+++ actual', '@@ -1,10 +1,10 @@', '-line 1', '-line 2', '-line 3', '… 17 more diff line(s) not shown']);
  });

  it('past its edit bound replaces the differing middle as one block, keeping the common head and tail as context', () => {
    const old = numbered(20);
    const now = old.map((l, i) => (i >= 5 && i < 15 && i % 2 === 0 ? `${l}!` : l));
    const bounded = unifiedHunks(lines(...old), lines(...now), { maxEdits: 4 });
    expect(bounded.minimal).toBe(false);
    expect(bounded.hunks.map((h) => [h.aStart, h.aLength, h.bStart, h.bLength])).toEqual([[4, 15, 4, 15]]);
    expect(bounded.hunks[0]!.lines.filter((l) => l[0] === '-')).toHaveLength(9);
    expect(unifiedHunks(lines(...old), lines(...now)).minimal).toBe(true);
  });

  it('diffs 20,000-line texts with scattered changes quickly, and falls back on two unrelated 20,000-line texts', () => {
    const old = numbered(20_000);
    const now = old.map((l, i) => (i % 1000 === 7 ? `${l} changed` : l));
    const near = unifiedHunks(lines(...old), lines(...now));
    expect(near.minimal).toBe(true);
    expect(near.hunks).toHaveLength(20);
    const far = unifiedHunks(lines(...old), lines(...old.map((l) => `other ${l}`)));
    expect(far.minimal).toBe(false);
    expect(far.hunks.map((h) => [h.aStart, h.aLength, h.bStart, h.bLength])).toEqual([[1, 20_000, 1, 20_000]]);
  });
});

describe('unifiedDiff properties', () => {
  const text = fc
    .tuple(fc.array(fc.constantFrom('a', 'b', 'c', '', '{', '}'), { maxLength: 25 }), fc.boolean())
    .map(([l, eol]) => (l.length === 0 ? '' : l.join('\n') + (eol ? '\n' : '')));

  it('applying its hunks to the old text gives the new text (any context, minimal or bounded)', () => {
    fc.assert(
      fc.property(text, text, fc.integer({ min: 0, max: 4 }), fc.constantFrom(undefined, 0, 3), (old, now, context, maxEdits) => {
        expect(applyUnifiedDiff(old, unifiedDiff(old, now, undefined, { context, maxEdits }))).toBe(now);
      }),
      { seed: 14, numRuns: 3000 },
    );
  });
});
