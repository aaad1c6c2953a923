// Covers SlidingWindowLimiter: rolling-window accounting, exact waits for weighted takes, expiry, peak usage, the budget.
import { describe, it, expect } from 'vitest';
import { SlidingWindowLimiter } from '../../../src/core/limits/sliding-window-limiter.js';
import { TokenBucket } from '../../../src/core/limits/token-bucket.js';
import { codeOf } from '../../helpers/error-code.js';

describe('SlidingWindowLimiter', () => {
  it('counts a take until exactly windowMs after it', () => {
    const s = new SlidingWindowLimiter({ name: 'create', limit: 10, windowMs: 1000 });
    s.take(0, 10);
    expect(s.waitMs(0, 1)).toBe(1000);
    expect(s.canTake(999, 1)).toBe(false);
    expect(s.usage(1000)).toBe(0);
    expect(s.canTake(1000, 10)).toBe(true);
  });

  it('waits for just enough of the oldest takes to expire', () => {
    const s = new SlidingWindowLimiter({ name: 's', limit: 10, windowMs: 1000 });
    s.take(0, 5);
    s.take(400, 5);
    expect(s.waitMs(500, 1)).toBe(500);
    expect(s.usage(1000)).toBe(5);
    expect(s.waitMs(1000, 6)).toBe(400);
    expect(s.nextExpiryMs(1000)).toBe(1400);
    expect(s.peakUsage).toBe(10);
  });

  it('never lets more than the limit into any rolling window, unlike a token bucket of the same size', () => {
    const s = new SlidingWindowLimiter({ name: 's', limit: 10, windowMs: 1000 });
    const b = new TokenBucket({ name: 'b', capacity: 10, refillTokens: 10, refillIntervalMs: 1000 });
    let sCount = 0;
    let bCount = 0;
    for (let t = 0; t < 1000; t += 1) {
      while (s.canTake(t, 1)) {
        s.take(t, 1);
        sCount += 1;
      }
      while (b.canTake(t, 1)) {
        b.take(t, 1);
        bCount += 1;
      }
    }
    expect(sCount).toBe(10);
    expect(bCount).toBe(19); // 10 burst + 9 refilled within the same second
  });

  it('queues at the configured percentage and reports the hard limit separately', () => {
    const s = new SlidingWindowLimiter({ name: 'ip', limit: 600, windowMs: 5000, queueAtPercent: 80 });
    expect(s.budget).toBe(480);
    s.take(0, 480);
    expect(s.canTake(0, 1)).toBe(false);
    expect(s.wouldExceed(0, 120)).toBe(false);
    expect(s.wouldExceed(0, 121)).toBe(true);
    expect(s.waitMs(4999, 1)).toBe(1);
  });

  it('after an overdraft by record, waits until enough has expired to get back under the budget', () => {
    const s = new SlidingWindowLimiter({ name: 's', limit: 10, windowMs: 1000 });
    s.record(0, 8);
    s.record(100, 8);
    expect(s.usage(100)).toBe(16);
    expect(s.waitMs(100, 1)).toBe(900); // the take at 0 expires at 1000 → usage 8
    expect(s.waitMs(100, 3)).toBe(1000); // needs the take at 100 gone too
  });

  it('reports when one more unit fits the hard limit again (the reset timestamp), even past the budget', () => {
    const s = new SlidingWindowLimiter({ name: 's', limit: 10, windowMs: 1000, queueAtPercent: 50 });
    s.take(0, 5);
    expect(s.limitResetAtMs(0)).toBe(0); // under the hard limit
    s.record(200, 5);
    s.record(300, 2);
    expect(s.limitResetAtMs(300)).toBe(1000); // 12 used; once the 5 at t=0 expire, 7 + 1 fits the limit of 10
    s.record(300, 3);
    expect(s.limitResetAtMs(300)).toBe(1200); // 15 used: the takes at t=0 and t=200 must both expire
  });

  it('rejects costs above the budget and time going backwards', () => {
    const s = new SlidingWindowLimiter({ name: 's', limit: 10, windowMs: 1000 });
    expect(codeOf(() => s.waitMs(0, 11))).toBe('E_CONFIG');
    s.take(10, 1);
    expect(codeOf(() => s.usage(9))).toBe('E_INVARIANT');
  });
});
