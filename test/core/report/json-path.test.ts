// Covers pathText/parsePath (report paths as the CLI writes and reads them) and patternCovers (a pattern names a value and what is under it; * is any one step).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePath, pathText, patternCovers } from '../../../src/core/report/json-path.js';

describe('json-path', () => {
  it('writes keys with dots, indexes in brackets and quotes keys that are not plain', () => {
    expect(pathText(['fills', 'recent', 0, 'price'])).toBe('fills.recent[0].price');
    expect(pathText(['config', 'start_prices', 'BTC/USDT'])).toBe('config.start_prices["BTC/USDT"]');
  });

  it('reads back what it writes', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.string({ minLength: 1, maxLength: 6 }).filter((s) => s !== '*'), fc.nat(99)), { minLength: 1, maxLength: 5 }), (segments) => {
      expect(parsePath(pathText(segments), '--ignore')).toEqual(segments);
    }));
  });

  it('refuses a malformed path naming the option', () => {
    expect(() => parsePath('pnl..total', '--ignore')).toThrow("--ignore 'pnl..total': an empty key at 5");
    expect(() => parsePath('fills.recent[x]', '--metrics')).toThrow('[x] is neither an index nor a quoted key');
    expect(() => parsePath('pnl.', '--ignore')).toThrow('it ends with a dot');
  });

  it('covers the path itself and everything under it, * matching one key', () => {
    expect(patternCovers(parsePath('pnl.by_symbol.*.total', 'x'), ['pnl', 'by_symbol', 'ETH', 'total'])).toBe(true);
    expect(patternCovers(parsePath('market_data', 'x'), ['market_data', 'timings', 'ms'])).toBe(true);
    expect(patternCovers(parsePath('pnl.total', 'x'), ['pnl'])).toBe(false);
  });
});
