// Covers QuoteRecord: a quote built by the constructor is indistinguishable from the object literal it replaces (values, own keys and their order, JSON).
import { describe, expect, it } from 'vitest';
import type { QuoteEvent } from '../../../src/core/model/market-data-event.js';
import { QuoteRecord } from '../../../src/core/model/quote-record.js';

describe('QuoteRecord', () => {
  it('has the literal quote\'s values, own keys in the same order, and the same JSON', () => {
    const literal: QuoteEvent = { kind: 'quote', symbol: 'NKNUSDT', ts: 1_700_000_000_123, bidTicks: 41_250, askTicks: 41_260, bidLots: 7, askLots: 12_000, seq: 9_007_199_254 };
    const record = new QuoteRecord('NKNUSDT', 1_700_000_000_123, 41_250, 41_260, 7, 12_000, 9_007_199_254);
    expect(record).toEqual(literal);
    expect(Object.keys(record)).toEqual(Object.keys(literal));
    expect(JSON.stringify(record)).toBe(JSON.stringify(literal));
    expect({ ...record }).toEqual(literal);
  });

  it('keeps a null venue sequence', () => {
    const record = new QuoteRecord('BTCUSDT', 5, 1, 2, 3, 4, null);
    expect(record.seq).toBeNull();
    expect(record.kind).toBe('quote');
  });
});
