// Covers FixedWindowSet: the same waits, takes, refusals, usage and peaks as a RateLimitGroup of FixedWindowCounters, on random request streams.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { FixedWindowCounter } from '../../../src/core/limits/fixed-window-counter.js';
import { FixedWindowSet } from '../../../src/core/limits/fixed-window-set.js';
import { RateLimitGroup, type GroupCosts } from '../../../src/core/limits/rate-limit-group.js';
import { codeOf } from '../../helpers/error-code.js';

const SPECS = [
  { name: 'W', limit: 20, windowMs: 1_000 },
  { name: 'O10', limit: 7, windowMs: 250 },
  { name: 'D', limit: 60, windowMs: 5_000 },
];

const COSTS: readonly GroupCosts[] = [
  Object.freeze({ W: 1, O10: 1, D: 1 }),
  Object.freeze({ W: 1 }),
  Object.freeze({ W: 2, O10: 2, D: 2 }),
  Object.freeze({ O10: 1, D: 1 }),
  Object.freeze({}),
];

type Op = { readonly op: 'wait' | 'take' | 'record' | 'exceeded' | 'usage'; readonly dt: number; readonly costs: number };

const opArb: fc.Arbitrary<Op> = fc.record({
  op: fc.constantFrom('wait', 'take', 'record', 'exceeded', 'usage'),
  dt: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 3_000 })),
  costs: fc.integer({ min: 0, max: COSTS.length - 1 }),
});

describe('FixedWindowSet', () => {
  it('answers every request as a RateLimitGroup of FixedWindowCounters with the same options does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.integer({ min: -20_000, max: 1_000_000 }), fc.array(opArb, { maxLength: 300 }), (pct, start, ops) => {
        const group = new RateLimitGroup(SPECS.map((s) => new FixedWindowCounter({ ...s, queueAtPercent: pct })));
        const set = new FixedWindowSet(SPECS.map((s) => ({ ...s, queueAtPercent: pct })));
        let now = start;
        for (const { op, dt, costs: c } of ops) {
          now += dt;
          const costs = COSTS[c]!;
          const vector = set.costsOf(costs);
          const fits = SPECS.every((s) => (costs[s.name] ?? 0) <= Math.max(1, Math.floor((s.limit * pct) / 100)));
          if ((op === 'wait' || op === 'take') && !fits) {
            expect(codeOf(() => set.waitMs(now, vector))).toBe(codeOf(() => group.waitMs(now, costs)));
            return; // both threw E_CONFIG; the stream ends like a run would
          }
          switch (op) {
            case 'wait':
              expect(set.waitMs(now, vector)).toBe(group.waitMs(now, costs));
              break;
            case 'take': {
              const d = group.tryTake(now, costs);
              expect(set.tryTake(now, vector)).toBe(d.kind === 'taken' ? 0 : d.waitMs);
              break;
            }
            case 'record':
              group.record(now, costs);
              set.record(now, vector);
              break;
            case 'exceeded':
              expect(set.namesOf(set.exceededMask(now, vector))).toEqual(group.exceeded(now, costs));
              break;
            case 'usage':
              expect(SPECS.map((_, i) => [set.usage(i, now), set.peak(i)])).toEqual(group.usage(now).map((u) => [u.usage, u.peak]));
              break;
          }
        }
        expect(SPECS.map((_, i) => [set.usage(i, now), set.peak(i)])).toEqual(group.usage(now).map((u) => [u.usage, u.peak]));
      }),
      { numRuns: 300, seed: 21 },
    );
  });

  it('admits as exceededMask, then record and usageInto when nothing is exceeded, do', () => {
    fc.assert(
      fc.property(fc.integer({ min: -20_000, max: 1_000_000 }), fc.array(opArb, { maxLength: 300 }), (start, ops) => {
        const plain = new FixedWindowSet(SPECS);
        const fast = new FixedWindowSet(SPECS);
        const plainUsage = [-1, -1, -1];
        const fastUsage = [-1, -1, -1];
        let now = start;
        const answers: [number, number][] = [];
        for (const { dt, costs: c } of ops) {
          now += dt;
          const vp = plain.costsOf(COSTS[c]!);
          const mask = plain.exceededMask(now, vp);
          if (mask === 0) {
            plain.record(now, vp);
            plain.usageInto(now, plainUsage);
          }
          answers.push([mask, fast.admit(now, fast.costsOf(COSTS[c]!), fastUsage)]);
          expect(fastUsage).toEqual(plainUsage);
        }
        expect(answers.filter(([a, b]) => a !== b)).toEqual([]);
        expect(SPECS.map((_, i) => [fast.usage(i, now), fast.peak(i)])).toEqual(SPECS.map((_, i) => [plain.usage(i, now), plain.peak(i)]));
      }),
      { numRuns: 200, seed: 2104 },
    );
  });

  it('refuses time going backwards and unknown limiter names, as the counters do', () => {
    const set = new FixedWindowSet(SPECS);
    set.record(1_000, set.costsOf(COSTS[0]!));
    expect(codeOf(() => set.usage(0, 999))).toBe('E_INVARIANT');
    expect(codeOf(() => set.costsOf({ NOPE: 1 }))).toBe('E_INVARIANT');
  });

  it('names the broken windows in window order', () => {
    const set = new FixedWindowSet(SPECS);
    set.record(0, set.costsOf({ W: 20, D: 60 }));
    expect(set.namesOf(set.exceededMask(0, set.costsOf(COSTS[0]!)))).toEqual(['W', 'D']);
    expect(set.exceededMask(1_000, set.costsOf(COSTS[0]!))).toBe(0b100);
  });
});
