// Covers ReplayHealth's bounds: unknown symbol names listed for the first 100 only (later frames counted), long names and problem details cut.
import { describe, expect, it } from 'vitest';
import { MAX_UNKNOWN_SYMBOLS, ReplayHealth } from '../../../src/feeds/replay/replay-health.js';

const json = (health: ReplayHealth): Record<string, unknown> =>
  health.toJson([], { resolutionsMs: [], emptyIntervals: 'skip', counters: null }) as Record<string, unknown>;

describe('ReplayHealth', () => {
  it('lists the first 100 distinct unknown symbols and counts the frames of every later name', () => {
    const health = new ReplayHealth();
    for (let i = 0; i < 150; i++) {
      health.frame('unknown-symbol', `SYM${String(i).padStart(3, '0')}`, i + 2);
      health.frame('unknown-symbol', `SYM${String(i).padStart(3, '0')}`, i + 2);
    }
    const report = json(health);
    const listed = report['unknown_symbols'] as Record<string, number>;
    expect(MAX_UNKNOWN_SYMBOLS).toBe(100);
    expect([Object.keys(listed).length, listed['SYM000'], listed['SYM099'], listed['SYM100'], report['unknown_symbols_unlisted']]).toEqual([100, 2, 2, undefined, 100]);
    expect(health.unknownSymbols.size).toBe(100);
  });

  it('keeps at most 160 characters of an unknown name or a problem detail', () => {
    const health = new ReplayHealth();
    health.frame('unknown-symbol', 'S'.repeat(1_000_000), 2);
    health.frame('invalid-value', 'D'.repeat(1_000_000), 3);
    const report = json(health);
    expect(Object.keys(report['unknown_symbols'] as object)).toEqual([`${'S'.repeat(160)}…`]);
    expect(report['problems']).toEqual([{ line: 3, what: 'invalid-value', detail: `${'D'.repeat(160)}…` }]);
  });
});
