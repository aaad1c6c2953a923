// Covers market-data-event.ts at the type level: a QuoteEvent is usable wherever a TopOfBook is, and the union narrows on kind.
import { describe, it, expect } from 'vitest';
import type { MarketDataEvent, QuoteEvent } from '../../../src/core/model/market-data-event.js';
import { midTicks, type TopOfBook } from '../../../src/core/model/market-update.js';

describe('MarketDataEvent', () => {
  it('lets a QuoteEvent stand in for a TopOfBook', () => {
    const quote: QuoteEvent = { kind: 'quote', symbol: 'BTCUSDT', ts: 5, bidTicks: 935000, askTicks: 935002, bidLots: 1, askLots: 2, seq: null };
    const top: TopOfBook = quote;
    expect(midTicks(top)).toBe(935001);
  });

  it('narrows on kind', () => {
    const events: MarketDataEvent[] = [
      { kind: 'mark', symbol: 'BTCUSDT', ts: 1, markTicks: 10, indexTicks: null, fundingRate: '0.0001' },
      { kind: 'book-delta', symbol: 'BTCUSDT', ts: 2, bids: [[10, 0]], asks: [], firstUpdateId: 3, finalUpdateId: 4, prevFinalUpdateId: null, seq: null },
    ];
    const described = events.map((e) => (e.kind === 'mark' ? `mark ${e.markTicks}` : e.kind === 'book-delta' ? `delta ${e.finalUpdateId}` : e.kind));
    expect(described).toEqual(['mark 10', 'delta 4']);
  });
});
