// Covers CompactJsonScanner: literals, escape-free strings, JSON integers (no sign, fraction, exponent, leading zero; safe range) and [price, qty] level arrays on a grid.
import { describe, expect, it } from 'vitest';
import { CompactJsonScanner } from '../../../src/core/market/compact-json-scanner.js';
import { buildSymbolGrid } from '../../../src/core/market/symbol-grid.js';

const grid = buildSymbolGrid({ symbol: 'BTCUSDT', baseAsset: 'BTC', quoteAsset: 'USDT', tickSize: '0.1', lotSize: '0.001', minQty: '0.001', maxQty: '1000', minNotional: '0' });

function scanner(text: string, pos = 0): CompactJsonScanner {
  const scan = new CompactJsonScanner();
  scan.reset(text);
  scan.pos = pos;
  return scan;
}

describe('CompactJsonScanner', () => {
  it('reads JSON integers and refuses what JSON.parse would read differently or not at all', () => {
    expect(scanner('0,').int()).toBe(0);
    expect(scanner('1687940967466}').int()).toBe(1687940967466);
    expect(scanner('9007199254740991]').int()).toBe(Number.MAX_SAFE_INTEGER);
    for (const bad of ['9007199254740992', '12345678901234567', '01', '-1', '', 'x', '"1"']) expect(scanner(bad).int()).toBeNaN();
  });

  it('reads strings without escapes or control characters and reports their bounds', () => {
    const scan = scanner('"BTCUSDT",');
    expect(scan.str()).toBe(true);
    expect([scan.strStart, scan.strEnd, scan.pos]).toEqual([1, 8, 9]);
    expect(scanner('"BTC\\u0055SDT"').str()).toBe(false);
    expect(scanner('"BTC\u0001"').str()).toBe(false);
    expect(scanner('"unterminated').str()).toBe(false);
  });

  it('reads level arrays into exact ticks and lots, and refuses another shape', () => {
    const scan = scanner('[["30247.20","30.028"],["30240.00","0"]],"a"');
    expect(scan.levels(grid)).toEqual([[302472, 30028], [302400, 0]]);
    expect(scan.lit(',"a"')).toBe(true);
    expect(scan.atEnd).toBe(true);
    expect(scanner('[]}').levels(grid)).toEqual([]);
    for (const bad of ['[["1.0","1"],]', '[["1.0","1","2"]]', '[["1.05","1"]]', '[["1.0","-1"]]', '[[1.0,"1"]]', '[["1\\u0030","1"]]', '[["1.0" ,"1"]]', '[["1.0","1"]']) {
      expect(scanner(bad).levels(grid)).toBeNull();
    }
  });
});
