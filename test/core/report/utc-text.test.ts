// Covers UtcText: the same text as isoUtc (Date#toISOString) for any integer ms, whatever the order asked in, days and years apart included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoUtc } from '../../../src/core/report/units.js';
import { UtcText } from '../../../src/core/report/utc-text.js';

describe('UtcText', () => {
  it('gives isoUtc\'s text for integer ms across the whole Date range, asked in any order', () => {
    const utc = new UtcText();
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -8.64e15, max: 8.64e15 }), fc.integer({ min: 1.7e12, max: 1.8e12 }), fc.constantFrom(0, -1, 86_399_999, 86_400_000, -86_400_000)), { maxLength: 50 }), (times) => {
        for (const ms of times) expect(utc.of(ms)).toBe(isoUtc(ms));
      }),
      { seed: 7 },
    );
  });

  it('formats a run\'s ms one after the other: "2025-01-01T00:00:02.000Z" 2 s after the start', () => {
    const utc = new UtcText();
    const t0 = Date.parse('2025-01-01T00:00:00.000Z');
    expect([utc.of(t0), utc.of(t0 + 2000), utc.of(t0 + 2000), utc.of(t0 + 86_400_000 + 61_001)]).toEqual(['2025-01-01T00:00:00.000Z', '2025-01-01T00:00:02.000Z', '2025-01-01T00:00:02.000Z', '2025-01-02T00:01:01.001Z']);
  });
});
