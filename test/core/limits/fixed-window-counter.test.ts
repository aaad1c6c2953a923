// Covers FixedWindowCounter: epoch-aligned windows, reset times, the queue-at-80% budget, hard-limit checks, peak usage.
import { describe, it, expect } from 'vitest';
import { FixedWindowCounter } from '../../../src/core/limits/fixed-window-counter.js';
import { codeOf } from '../../helpers/error-code.js';

describe('FixedWindowCounter', () => {
  it('blocks at the budget and recovers exactly at the next window boundary', () => {
    const c = new FixedWindowCounter({ name: 'ORDERS_10S', limit: 50, windowMs: 10_000, queueAtPercent: 80 });
    expect(c.budget).toBe(40);
    c.take(12_345, 40);
    expect(c.canTake(12_345, 1)).toBe(false);
    expect(c.waitMs(12_345, 1)).toBe(7_655);
    expect(c.usage(19_999)).toBe(40);
    expect(c.waitMs(19_999, 1)).toBe(1);
    expect(c.usage(20_000)).toBe(0);
    expect(c.canTake(20_000, 40)).toBe(true);
  });

  it('separates the client budget from the venue hard limit', () => {
    const c = new FixedWindowCounter({ name: 'W', limit: 50, windowMs: 10_000, queueAtPercent: 80 });
    c.take(0, 40);
    expect(c.wouldExceed(0, 10)).toBe(false); // 50 is still within the venue limit
    expect(c.wouldExceed(0, 11)).toBe(true);
    c.record(0, 15); // sent without throttling
    expect(c.usage(0)).toBe(55);
    expect(c.peakUsage).toBe(55);
  });

  it('aligns windows to the epoch, so a day window resets at 00:00 UTC', () => {
    const day = new FixedWindowCounter({ name: 'ORDERS_1D', limit: 160_000, windowMs: 86_400_000 });
    const afternoon = Date.UTC(2025, 0, 1, 13, 30, 0);
    expect(day.windowStartAt(afternoon)).toBe(Date.UTC(2025, 0, 1));
    expect(day.resetAtMs(afternoon)).toBe(Date.UTC(2025, 0, 2));
    const minute = new FixedWindowCounter({ name: 'W1M', limit: 6000, windowMs: 60_000 });
    expect(minute.windowStartAt(Date.UTC(2025, 0, 1, 0, 1, 23, 456))).toBe(Date.UTC(2025, 0, 1, 0, 1, 0));
  });

  it('keeps the highest count ever seen as peak, across windows', () => {
    const c = new FixedWindowCounter({ name: 'W', limit: 10, windowMs: 1000 });
    c.take(0, 7);
    c.take(1000, 3);
    expect(c.peakUsage).toBe(7);
  });

  it('rounds the budget down and never below 1, and validates its options', () => {
    expect(new FixedWindowCounter({ name: 'a', limit: 2400, windowMs: 60_000, queueAtPercent: 80 }).budget).toBe(1920);
    expect(new FixedWindowCounter({ name: 'b', limit: 1, windowMs: 1000, queueAtPercent: 80 }).budget).toBe(1);
    expect(new FixedWindowCounter({ name: 'c', limit: 7, windowMs: 1000, queueAtPercent: 50 }).budget).toBe(3);
    expect(codeOf(() => new FixedWindowCounter({ name: 'd', limit: 7, windowMs: 1000, queueAtPercent: 0 }))).toBe('E_CONFIG');
    expect(codeOf(() => new FixedWindowCounter({ name: 'e', limit: 7, windowMs: 0 }))).toBe('E_CONFIG');
  });

  it('refuses a cost above the budget as a configuration error, and time going backwards as a bug', () => {
    const c = new FixedWindowCounter({ name: 'W', limit: 10, windowMs: 1000, queueAtPercent: 80 });
    expect(codeOf(() => c.waitMs(0, 9))).toBe('E_CONFIG');
    c.take(500, 1);
    expect(codeOf(() => c.take(499, 1))).toBe('E_INVARIANT');
    expect(codeOf(() => c.take(500, 8))).toBe('E_INVARIANT');
  });
});
