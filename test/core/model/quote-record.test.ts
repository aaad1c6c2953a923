// Covers QuoteRecord: a quote built by the constructor is indistinguishable from the object literal it replaces (values, own keys, canonical JSON); its own keys are the constructor's parameters in order, then kind.
import { describe, expect, it } from 'vitest';
import type { QuoteEvent } from '../../../src/core/model/market-data-event.js';
import { canonicalJson } from '../../../src/core/report/canonical-json.js';
import { QuoteRecord } from '../../../src/core/model/quote-record.js';

describe('QuoteRecord', () => {
  it('has the literal quote\'s values and own keys (parameters first, then kind) and the same sorted-key JSON', () => {
    const literal: QuoteEvent = { kind: 'quote', symbol: 'NKNUSDT', ts: 1_700_000_000_123, bidTicks: 41_250, askTicks: 41_260, bidLots: 7, askLots: 12_000, seq: 9_007_199_254 };
    const record = new QuoteRecord('NKNUSDT', 1_700_000_000_123, 41_250, 41_260, 7, 12_000, 9_007_199_254);
    expect(record).toEqual(literal);
    expect(Object.keys(record)).toEqual(['symbol', 'ts', 'bidTicks', 'askTicks', 'bidLots', 'askLots', 'seq', 'kind']);
    expect(canonicalJson(record as never)).toBe(canonicalJson(literal as never));
    expect({ ...record }).toEqual(literal);
  });

  it('keeps a null venue sequence', () => {
    const record = new QuoteRecord('BTCUSDT', 5, 1, 2, 3, 4, null);
    expect(record.seq).toBeNull();
    expect(record.kind).toBe('quote');
  });
});
