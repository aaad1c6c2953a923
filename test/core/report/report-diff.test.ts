// Covers diffReports: exact deltas and percentages of numbers and decimal strings, added/removed keys, --ignore patterns, and (fast-check) that it lists exactly the changed paths.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../../src/core/report/canonical-json.js';
import { parsePath, pathText, type PathSegment } from '../../../src/core/report/json-path.js';
import { diffReports } from '../../../src/core/report/report-diff.js';

describe('diffReports', () => {
  it('gives the exact delta and percentage of counters and decimal strings (no float rounding)', () => {
    const diff = diffReports({ pnl: { total: '0.1' }, fills: { count: 26 } }, { pnl: { total: '0.3' }, fills: { count: 13 } });
    expect(diff).toEqual({
      equal: false,
      changes: [
        { path: 'fills.count', kind: 'changed', a: 26, b: 13, delta: '-13', pct: '-50' },
        { path: 'pnl.total', kind: 'changed', a: '0.1', b: '0.3', delta: '0.2', pct: '200' },
      ],
    });
  });

  it('rounds the percentage half-even to 2 places, of |A|, and gives none when A is 0', () => {
    const diff = diffReports({ x: '-3', y: 0, z: '2.000000000001' }, { x: '-2', y: 5, z: '2' });
    expect(diff.changes.map((c) => [c.path, c.delta, c.pct])).toEqual([
      ['x', '1', '33.33'],
      ['y', '5', null],
      ['z', '-0.000000000001', '0'],
    ]);
  });

  it('lists a key only one side has once, whatever it holds, and text changes without a delta', () => {
    const diff = diffReports({ risk: { state: 'ACTIVE', old: { a: 1 } } }, { risk: { state: 'FROZEN', new: [1, 2] } });
    expect(diff.changes).toEqual([
      { path: 'risk.new', kind: 'added', a: null, b: [1, 2], delta: null, pct: null },
      { path: 'risk.old', kind: 'removed', a: { a: 1 }, b: null, delta: null, pct: null },
      { path: 'risk.state', kind: 'changed', a: 'ACTIVE', b: 'FROZEN', delta: null, pct: null },
    ]);
  });

  it('compares arrays element by element and quotes keys that are not plain', () => {
    const diff = diffReports({ recent: [{ price: '1' }], m: { 'BTC/USDT': '1' } }, { recent: [{ price: '2' }, { price: '3' }], m: { 'BTC/USDT': '1.5' } });
    expect(diff.changes.map((c) => `${c.kind} ${c.path}`)).toEqual(['changed m["BTC/USDT"]', 'changed recent[0].price', 'added recent[1]']);
  });

  it('skips what an --ignore pattern covers, * matching any one key', () => {
    const a = { version: '0.1.0', pnl: { by_symbol: { BTC: { unrealized: '1', total: '1' }, ETH: { unrealized: '2', total: '2' } } } };
    const b = { version: '0.2.0', pnl: { by_symbol: { BTC: { unrealized: '9', total: '1' }, ETH: { unrealized: '8', total: '3' } } } };
    const diff = diffReports(a, b, [parsePath('version', '--ignore'), parsePath('pnl.by_symbol.*.unrealized', '--ignore')]);
    expect(diff.changes.map((c) => c.path)).toEqual(['pnl.by_symbol.ETH.total']);
  });

  it('finds two reports equal whatever their key order', () => {
    expect(diffReports({ a: 1, b: { c: '2' } }, { b: { c: '2' }, a: 1 })).toEqual({ equal: true, changes: [] });
  });
});

/** A report-like JSON object: nested objects and arrays of integers, decimal strings, text, booleans and null. */
const leaf = fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.stringMatching(/^-?\d{1,6}(\.\d{1,4})?$/), fc.string({ maxLength: 6 }), fc.boolean(), fc.constant(null));
const key = fc.stringMatching(/^[a-z_]{1,5}$/);
const { report } = fc.letrec<{ report: JsonValue; node: JsonValue }>((tie) => ({
  report: fc.dictionary(key, tie('node'), { maxKeys: 5 }),
  node: fc.oneof({ depthSize: 'small' }, leaf, tie('report'), fc.array(tie('node'), { maxLength: 3 })),
}));

/** Every leaf path (a value that is not a non-empty object or array) of `value`. */
function leaves(value: JsonValue, at: PathSegment[] = []): PathSegment[][] {
  if (Array.isArray(value) && value.length > 0) return value.flatMap((v, i) => leaves(v, [...at, i]));
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0) return Object.entries(value).flatMap(([k, v]) => leaves(v, [...at, k]));
  return [at];
}

function setAt(value: JsonValue, path: readonly PathSegment[], next: JsonValue): JsonValue {
  if (path.length === 0) return next;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? setAt(v, rest, next) : v));
  const obj = value as { [k: string]: JsonValue };
  return { ...obj, [head as string]: setAt(obj[head as string]!, rest, next) };
}

/** A value certainly different from `v` as JSON (a string that no generated leaf is, or a number one higher). */
function otherThan(v: JsonValue): JsonValue {
  return typeof v === 'number' ? v + 1 : `~changed~${JSON.stringify(v)}`;
}

describe('diffReports (property)', () => {
  it('finds any report equal to itself', () => {
    fc.assert(fc.property(report, (a) => diffReports(a, structuredClone(a)).equal));
  });

  it('lists exactly the leaf paths that were changed, as changed', () => {
    fc.assert(
      fc.property(
        report.filter((r) => leaves(r).length > 0 && leaves(r)[0]!.length > 0),
        fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        (a, picks) => {
          const all = leaves(a);
          const chosen = [...new Set(picks.map((p) => p % all.length))].map((i) => all[i]!);
          let b = a;
          for (const path of chosen) b = setAt(b, path, otherThan(chosenValue(a, path)));
          const listed = diffReports(a, b).changes.map((c) => `${c.kind} ${c.path}`).sort();
          expect(listed).toEqual(chosen.map((p) => `changed ${pathText(p)}`).sort());
        },
      ),
    );
  });

  it('lists a removed key as removed and an added one as added, nothing else', () => {
    fc.assert(
      fc.property(report.filter((r) => Object.keys(r as object).length > 0), (a) => {
        const [first] = Object.keys(a as object).sort();
        const { [first!]: _gone, ...rest } = a as { [k: string]: JsonValue };
        expect(diffReports(a, rest).changes.map((c) => `${c.kind} ${c.path}`)).toEqual([`removed ${pathText([first!])}`]);
        expect(diffReports(rest, a).changes.map((c) => `${c.kind} ${c.path}`)).toEqual([`added ${pathText([first!])}`]);
      }),
    );
  });
});

function chosenValue(value: JsonValue, path: readonly PathSegment[]): JsonValue {
  let v: JsonValue = value;
  for (const s of path) v = (v as { [k: string]: JsonValue } & JsonValue[])[s as never]!;
  return v;
}
