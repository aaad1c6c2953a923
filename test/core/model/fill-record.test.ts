// Covers FillRecord: a fill built by the constructor is indistinguishable from the object literal it replaces (values, own keys and their order, JSON).
import { describe, expect, it } from 'vitest';
import type { Fill } from '../../../src/core/model/fill.js';
import { FillRecord } from '../../../src/core/model/fill-record.js';
import type { FillId, OrderId } from '../../../src/core/model/ids.js';

describe('FillRecord', () => {
  it("has the literal fill's values, own keys in the same order, and the same JSON", () => {
    const literal: Fill = {
      id: 'F-7' as FillId, orderId: 'O-3' as OrderId, symbol: 'BTCUSDT', symbolIndex: 3, side: 'SELL', priceTicks: 934_010, qtyLots: 4, liquidity: 'MAKER', ts: 1_700_000_000_050, quoteMidTicks: 934_005,
    };
    const record = new FillRecord('F-7' as FillId, 'O-3' as OrderId, 'BTCUSDT', 3, 'SELL', 934_010, 4, 'MAKER', 1_700_000_000_050, 934_005);
    expect(record).toEqual(literal);
    expect(Object.keys(record)).toEqual(Object.keys(literal));
    expect(JSON.stringify(record)).toBe(JSON.stringify(literal));
  });
});
