// Covers OutgoingRateLimiter: at most N sends per sliding window, the exact next free time, recorded overflow from pongs.
import { describe, expect, it } from 'vitest';
import { OutgoingRateLimiter } from '../../../src/feeds/ws/outgoing-rate-limiter.js';

describe('OutgoingRateLimiter', () => {
  it('lets 4 sends through in a 1000 ms window and frees the 5th slot when the first send expires', () => {
    const limiter = new OutgoingRateLimiter(4, 1000);
    for (const t of [0, 10, 20, 30]) {
      expect(limiter.nextFreeAt(t)).toBe(t);
      limiter.record(t);
    }
    expect(limiter.nextFreeAt(40)).toBe(1000);
    expect(limiter.nextFreeAt(999)).toBe(1000);
    expect(limiter.nextFreeAt(1000)).toBe(1000);
    limiter.record(1000);
    expect(limiter.nextFreeAt(1000)).toBe(1010);
  });

  it('counts recorded sends beyond the limit (pong frames) so later sends wait for enough of them to expire', () => {
    const limiter = new OutgoingRateLimiter(2, 1000);
    for (const t of [0, 100, 200]) limiter.record(t);
    expect(limiter.nextFreeAt(300)).toBe(1100);
    expect(limiter.nextFreeAt(1100)).toBe(1100);
  });
});
