import { describe, expect, it } from 'vitest';
import { aheadAfterCancels, QUEUE_CANCEL_RULES } from '../../../src/core/sim/queue-cancel-rule.js';

describe('aheadAfterCancels', () => {
  it('spreads cancels in proportion, rounding the lots removed from ahead down', () => {
    expect(aheadAfterCancels('proportional', 10, 20, 10)).toBe(5);
    expect(aheadAfterCancels('proportional', 7, 9, 4)).toBe(4); // 7 − floor(28 / 9) = 7 − 3
    expect(aheadAfterCancels('proportional', 0, 9, 4)).toBe(0);
    expect(aheadAfterCancels('proportional', 9, 9, 9)).toBe(0);
  });

  it('stays exact beyond 2^53 intermediate products', () => {
    const ahead = 3_000_000_000_001;
    const level = 4_000_000_000_003;
    const cancelled = 3_999_999_999_999;
    const expected = ahead - Number((BigInt(cancelled) * BigInt(ahead)) / BigInt(level));
    expect(aheadAfterCancels('proportional', ahead, level, cancelled)).toBe(expected);
    expect(Number.isSafeInteger(cancelled * ahead)).toBe(false);
  });

  it('takes cancels from behind first, or from ahead first', () => {
    expect(aheadAfterCancels('behind-first', 10, 20, 10)).toBe(10);
    expect(aheadAfterCancels('behind-first', 10, 20, 14)).toBe(6);
    expect(aheadAfterCancels('ahead-first', 10, 20, 4)).toBe(6);
    expect(aheadAfterCancels('ahead-first', 10, 20, 14)).toBe(0);
  });

  it('never leaves more ahead than before, nor less than zero, under every rule', () => {
    for (const rule of QUEUE_CANCEL_RULES) {
      for (let level = 1; level <= 12; level++) {
        for (let ahead = 0; ahead <= level; ahead++) {
          for (let cancelled = 1; cancelled <= level; cancelled++) {
            const after = aheadAfterCancels(rule, ahead, level, cancelled);
            expect(after).toBeGreaterThanOrEqual(0);
            expect(after).toBeLessThanOrEqual(ahead);
            expect(after).toBeGreaterThanOrEqual(ahead - cancelled);
          }
        }
      }
    }
  });
});
