// Covers SlidingWindowLimiter's ring log: the same usage, waits, resets, expiries and peaks as the array-of-entries reference, on random streams that wrap and grow the ring.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { SlidingWindowLimiter } from '../../../src/core/limits/sliding-window-limiter.js';
import { ReferenceSlidingWindow } from '../../helpers/reference-sliding-window.js';

type Op = { readonly op: 'wait' | 'take' | 'record' | 'usage' | 'reset' | 'expiry' | 'exceed'; readonly dt: number; readonly cost: number };

const opArb: fc.Arbitrary<Op> = fc.record({
  op: fc.constantFrom('wait', 'take', 'record', 'record', 'usage', 'reset', 'expiry', 'exceed'),
  dt: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 1_500 })),
  cost: fc.integer({ min: 0, max: 3 }),
});

describe('SlidingWindowLimiter (ring log)', () => {
  it('answers every call as the array-of-entries reference does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 1_000 }), fc.integer({ min: 1, max: 100 }), fc.array(opArb, { maxLength: 400 }), (limit, windowMs, pct, ops) => {
        const options = { name: 'w', limit, windowMs, queueAtPercent: pct };
        const ring = new SlidingWindowLimiter(options);
        const ref = new ReferenceSlidingWindow(options);
        let now = 0;
        for (const { op, dt, cost } of ops) {
          now += dt;
          switch (op) {
            case 'wait':
              if (cost > ref.budget) return;
              expect(ring.waitMs(now, cost)).toBe(ref.waitMs(now, cost));
              break;
            case 'take':
              if (ref.canTake(now, cost)) {
                ref.take(now, cost);
                ring.take(now, cost);
              } else expect(ring.canTake(now, cost)).toBe(false);
              break;
            case 'record':
              ref.record(now, cost);
              ring.record(now, cost);
              break;
            case 'usage':
              expect(ring.usage(now)).toBe(ref.usage(now));
              break;
            case 'reset':
              expect(ring.limitResetAtMs(now)).toBe(ref.limitResetAtMs(now));
              break;
            case 'expiry':
              expect(ring.nextExpiryMs(now)).toBe(ref.nextExpiryMs(now));
              break;
            case 'exceed':
              expect(ring.wouldExceed(now, cost)).toBe(ref.wouldExceed(now, cost));
              break;
          }
        }
        expect([ring.usage(now), ring.peakUsage]).toEqual([ref.usage(now), ref.peakUsage]);
      }),
      { numRuns: 300, seed: 21 },
    );
  });

  it('keeps exact counts when a burst grows the ring past its first capacity and it then wraps', () => {
    const ring = new SlidingWindowLimiter({ name: 'w', limit: 1_000, windowMs: 100 });
    const ref = new ReferenceSlidingWindow({ name: 'w', limit: 1_000, windowMs: 100 });
    for (let t = 0; t < 5_000; t += 1) {
      const cost = (t * 7) % 5;
      ring.record(t, cost);
      ref.record(t, cost);
      if (t % 37 === 0) expect(ring.limitResetAtMs(t)).toBe(ref.limitResetAtMs(t));
    }
    expect([ring.usage(5_000), ring.peakUsage]).toEqual([ref.usage(5_000), ref.peakUsage]);
  });
});
